// SPDX-License-Identifier: MIT
// A main() for a fuzz target without libFuzzer: runs LLVMFuzzerInitialize when the target has
// one, then LLVMFuzzerTestOneInput on every file of the directories (or files) given, in name
// order. This is how the `dev` build (GCC, CI) keeps every target compiling and passing on its
// committed seeds and regression inputs (ctest fuzz_replay_<name>, label `fuzz`). A failed
// invariant aborts, as under libFuzzer; running no input at all is a failure too.
//
//   build/dev/fuzz/fuzz_replay_rlp fuzz/corpus/rlp

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path p(argv[i]);
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
            for (const auto& entry : std::filesystem::directory_iterator(p))
                if (entry.is_regular_file()) inputs.push_back(entry.path());
        } else if (std::filesystem::is_regular_file(p, ec)) {
            inputs.push_back(p);
        } else {
            std::fprintf(stderr, "%s: no such file or directory\n", argv[i]);
            return 2;
        }
    }
    std::sort(inputs.begin(), inputs.end());
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    std::size_t ran = 0;
    for (const auto& path : inputs) {
        std::ifstream in(path, std::ios::binary);
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (!in.good() && !in.eof()) {
            std::fprintf(stderr, "%s: cannot read\n", path.c_str());
            return 2;
        }
        std::fprintf(stderr, "%s (%zu bytes)\n", path.c_str(), bytes.size());
        // A copy of exactly the input's size, so that ASan (asan preset) sees reads past its end.
        std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
        static const std::uint8_t none = 0;
        LLVMFuzzerTestOneInput(data.empty() ? &none : data.data(), data.size());
        ++ran;
    }
    std::printf("%s: %zu inputs ran\n", argv[0], ran);
    return ran > 0 ? 0 : 1;
}
