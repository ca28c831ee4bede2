// SPDX-License-Identifier: MIT
#pragma once
// Encrypted backup and restore of one account's channel states (docs/CHANNELS.md §13.6, §13.7).
// A backup holds, per channel, everything the store keeps: the channel, the latest state both
// signed with both signatures, every state the account signed with its locks and signatures, and
// the secrets of its locks. It is JSON text whose payload is encrypted with the password exactly
// as a v3 keystore encrypts a key (scrypt, AES-128-CTR, keccak MAC: core/keys/keystore.hpp), so
// the file can sit anywhere.
//
// A backup is old the moment the next payment is made. Restoring is safe anyway (§13.7): the
// restored channels are first brought up to the newest state the hub holds (ChannelWallet::
// resumeAfterRestore), and the nonce jumps by 2^40 so nothing signed since the backup is outranked.

#include <QString>

#include <string>
#include <string_view>
#include <vector>

#include "core/channels/state.hpp"
#include "core/common/result.hpp"
#include "core/keys/keystore.hpp"
#include "services/channels/channel_store.hpp"

namespace sluice {

// The backup text of `account`'s channels in `store`.
Result<std::string> exportChannelBackup(ChannelStore& store, const Address& account, std::string_view password,
                                        const KdfParams& kdf = KdfParams::scrypt());

// Decrypts `backup` and adds its channels to `store`. A channel the store already holds is left as
// it is (the store's copy is at least as new as anything this device backed up). Returns the ids
// of the channels it added; the caller resumes each (ChannelWallet::resumeAfterRestore) before any
// payment. Errors: a wrong password, a damaged file, a backup of another account than `account`.
Result<std::vector<channels::ChannelId>> importChannelBackup(ChannelStore& store, const Address& account,
                                                             std::string_view backup, std::string_view password);

}  // namespace sluice
