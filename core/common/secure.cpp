// SPDX-License-Identifier: MIT
#include "core/common/secure.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <climits>
#include <new>

namespace sluice {

void secure_wipe(void* data, std::size_t size) { OPENSSL_cleanse(data, size); }

void harden_process() {
    const rlimit none{0, 0};
    (void)setrlimit(RLIMIT_CORE, &none);
#if !defined(__SANITIZE_ADDRESS__)
    (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

namespace {
std::size_t whole_pages(std::size_t bytes) {
    static const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    return (bytes + page - 1) / page * page;
}
}  // namespace

void* allocate_secret_pages(std::size_t bytes) {
    const std::size_t size = whole_pages(bytes ? bytes : 1);
    void* pages = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED) throw std::bad_alloc();
    // Best effort: a low RLIMIT_MEMLOCK makes mlock fail; the secret is still wiped and not dumped.
    (void)mlock(pages, size);
    (void)madvise(pages, size, MADV_DONTDUMP);
    return pages;
}

void free_secret_pages(void* pages, std::size_t bytes) {
    if (!pages) return;
    const std::size_t size = whole_pages(bytes ? bytes : 1);
    secure_wipe(pages, size);
    (void)munlock(pages, size);
    (void)munmap(pages, size);
}

Status random_bytes(std::uint8_t* out, std::size_t size) {
    if (size > static_cast<std::size_t>(INT_MAX) || RAND_bytes(out, static_cast<int>(size)) != 1)
        return make_error("the system random number generator failed");
    return {};
}

}  // namespace sluice
