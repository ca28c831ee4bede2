// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Merkle} from "./lib/Merkle.sol";

/// L1 contract of Sluice's two-party ETH payment channels: open and top up, cooperative close,
/// unilateral close with a dispute period in which any holder of a newer doubly-signed state (a
/// watchtower) replaces the closing state, settle, and hash-time locks resolved on chain against a
/// secret registry. docs/CHANNELS.md is the specification; section numbers below refer to it.
///
/// The contract is symmetric in the two participants A and B. Payouts are pushed with a bounded
/// gas allowance (`PAYOUT_GAS`); a recipient whose payment fails is credited and withdraws later,
/// so no recipient can block the other participant's money (§7).
contract Channels {
    // ---- ABI types (§3) ----
    /// A channel state, signed by both participants with EIP-712 (§3.2). Nonce 0 is the implicit
    /// opening state (balances = deposits) and is never signed.
    struct State {
        bytes32 channelId;
        uint64 nonce;
        uint256 depositA; // total deposit of A the state counts (§3.1)
        uint256 depositB;
        uint256 balanceA; // off-lock balances
        uint256 balanceB;
        bytes32 locksRoot; // root of the pending locks (§4.2); zero iff there are none
        uint256 lockedAmount; // sum of the pending locks' amounts
    }

    /// A final agreement that pays out at once (§5.2). Its own EIP-712 type: no State signature
    /// can be used to close a channel without a dispute period.
    struct CooperativeClose {
        bytes32 channelId;
        uint256 depositA;
        uint256 depositB;
        uint256 balanceA;
        uint256 balanceB;
    }

    /// A hash-time lock (§4.1): `amount` moves from its sender to the other participant if
    /// keccak256(secret) == secretHash is registered on chain before `expiry` (a timestamp).
    struct Lock {
        bool fromB; // false: A sends to B; true: B sends to A
        uint64 expiry;
        uint256 amount;
        bytes32 secretHash;
    }

    /// Status of a channel as `channel()` reports it; `None` for an id that was never opened and for
    /// a channel whose money is all paid out (its storage is deleted).
    enum Status {
        None,
        Open,
        Closing,
        Settled
    }

    /// What `channel()` returns. payA/payB/locked/locksRoot/nonce/disputeEndsAt describe the
    /// closing state while Closing; once Settled, `locked` is what the unresolved locks still hold.
    struct ChannelInfo {
        Status status;
        address a;
        address b;
        uint256 depositA;
        uint256 depositB;
        uint64 nonce;
        uint64 disputeEndsAt;
        uint256 payA;
        uint256 payB;
        uint256 locked;
        bytes32 locksRoot;
    }

    // ---- events (§8) ----
    event ChannelOpened(
        bytes32 indexed channelId,
        address indexed a,
        address indexed b,
        uint256 index,
        uint256 depositA,
        uint256 depositB
    );
    event Deposited(bytes32 indexed channelId, address indexed participant, uint256 amount, uint256 totalDeposit);
    event ClosedCooperatively(bytes32 indexed channelId, uint256 payA, uint256 payB);
    /// A unilateral close: what settle would pay if no newer state comes (payA, payB; `locked`
    /// stays for the locks under `locksRoot`), and the end of the dispute period.
    event CloseStarted(
        bytes32 indexed channelId,
        address indexed closer,
        uint64 nonce,
        uint256 payA,
        uint256 payB,
        uint256 locked,
        bytes32 locksRoot,
        uint64 disputeEndsAt
    );
    /// A newer state replaced the closing one; the dispute period does not move.
    event Disputed(
        bytes32 indexed channelId,
        address indexed by,
        uint64 nonce,
        uint256 payA,
        uint256 payB,
        uint256 locked,
        bytes32 locksRoot
    );
    event Settled(bytes32 indexed channelId, uint256 payA, uint256 payB, uint256 locked);
    event SecretRegistered(bytes32 indexed secretHash, bytes32 secret);
    event Unlocked(
        bytes32 indexed channelId, uint256 indexed index, address indexed receiver, uint256 amount, bytes32 secretHash
    );
    event LockExpired(
        bytes32 indexed channelId, uint256 indexed index, address indexed sender, uint256 amount, bytes32 secretHash
    );
    /// A push payment failed; `to` withdraws the amount with `withdraw` (§7).
    event PaymentDeferred(address indexed to, uint256 amount);
    event Withdrawn(address indexed account, address indexed to, uint256 amount);

    // ---- errors (§9) ----
    error InvalidDisputePeriod(uint256 disputePeriod);
    error InvalidParticipants(address a, address b);
    error NotParticipant(address caller);
    /// The channel's deposits together would exceed MAX_TOTAL_DEPOSIT.
    error DepositsTooLarge(uint256 depositA, uint256 depositB);
    error WrongValue(uint256 sent, uint256 expected);
    error ZeroDeposit();
    error WrongStatus(bytes32 channelId, Status status);
    error ZeroNonce();
    error StaleNonce(uint64 given, uint64 current);
    error DisputePeriodOver(uint256 endedAt);
    error DisputePeriodNotOver(uint256 endsAt);
    /// The signature that must be `signer`'s is not (wrong length, v ∉ {27, 28}, high s, or it
    /// recovers another address or none).
    error BadSignature(address signer);
    error DepositsExceeded(uint256 stateDepositA, uint256 stateDepositB);
    error NotConserved();
    error InconsistentLocks();
    error SecretAlreadyRegistered(bytes32 secretHash, uint256 registeredAt);
    error BadLockProof();
    error LockAlreadyResolved(uint256 index);
    error SecretNotRegistered(bytes32 secretHash);
    error SecretRegisteredTooLate(bytes32 secretHash, uint256 registeredAt, uint64 expiry);
    error LockNotExpired(uint64 expiry);
    error LockClaimable(bytes32 secretHash, uint256 registeredAt);
    error LockExceedsLocked(uint256 amount, uint256 locked);
    error NothingToWithdraw();
    error PaymentFailed(address to, uint256 amount);

    // ---- parameters and constants (§2) ----
    /// Seconds between a unilateral close and the earliest settle. Clients read it from here.
    uint256 public immutable disputePeriod;
    /// Gas offered to a recipient with each pushed payment (§7).
    uint256 public constant PAYOUT_GAS = 50_000;
    /// Largest total of a channel's deposits (both participants): every amount stored for a channel
    /// (deposits, payouts, the locked amount) then fits 96 bits.
    uint256 public constant MAX_TOTAL_DEPOSIT = type(uint96).max;

    bytes32 public constant STATE_TYPEHASH = keccak256(
        "State(bytes32 channelId,uint64 nonce,uint256 depositA,uint256 depositB,uint256 balanceA,uint256 balanceB,bytes32 locksRoot,uint256 lockedAmount)"
    );
    bytes32 public constant COOPERATIVE_CLOSE_TYPEHASH = keccak256(
        "CooperativeClose(bytes32 channelId,uint256 depositA,uint256 depositB,uint256 balanceA,uint256 balanceB)"
    );
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant NAME_HASH = keccak256("Sluice Channels");
    bytes32 private constant VERSION_HASH = keccak256("1");
    uint256 private constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    bytes32 private immutable _cachedDomainSeparator;
    uint256 private immutable _cachedChainId;
    address private immutable _cachedThis;

    // ---- state ----
    enum Phase {
        Open,
        Closing,
        Settled
    }

    /// Five slots; an open channel uses the first two, a close writes the third (and the last two
    /// when the closing state has locks).
    struct Channel {
        address a;
        uint96 depositA;
        address b;
        uint96 depositB;
        Phase phase;
        uint64 nonce; // of the closing state
        uint64 disputeEndsAt;
        uint96 payA; // what settle pays A (balanceA + deposits of A after the state)
        bytes32 locksRoot;
        uint96 locked; // Closing: the state's lockedAmount; Settled: what unresolved locks hold
        uint160 resolvedLow; // Settled: bit i set = lock i < 160 resolved (written with `locked`)
    }

    /// Number of channels ever opened; the next channel's index.
    uint256 public channelCount;
    mapping(bytes32 => Channel) private _channels;
    /// keccak256(secret) => timestamp of its registration (0: not registered).
    mapping(bytes32 => uint256) public secretRegisteredAt;
    /// channel id => word => bits of resolved lock indices from 160 on (below: `resolvedLow`).
    mapping(bytes32 => mapping(uint256 => uint256)) private _resolved;
    /// Payments that failed when pushed (§7).
    mapping(address => uint256) public withdrawable;

    constructor(uint256 disputePeriod_) {
        if (disputePeriod_ == 0 || disputePeriod_ > type(uint32).max) revert InvalidDisputePeriod(disputePeriod_);
        disputePeriod = disputePeriod_;
        _cachedChainId = block.chainid;
        _cachedThis = address(this);
        _cachedDomainSeparator = _buildDomainSeparator();
    }

    // ---- EIP-712 (§3.2) ----
    function domainSeparator() public view returns (bytes32) {
        if (block.chainid == _cachedChainId && address(this) == _cachedThis) return _cachedDomainSeparator;
        return _buildDomainSeparator();
    }

    function _buildDomainSeparator() private view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, block.chainid, address(this)));
    }

    /// The digest both participants sign for `s`.
    function stateDigest(State calldata s) public view returns (bytes32) {
        return _digest(keccak256(abi.encode(STATE_TYPEHASH, s)));
    }

    /// The digest both participants sign for `c`.
    function cooperativeCloseDigest(CooperativeClose calldata c) public view returns (bytes32) {
        return _digest(keccak256(abi.encode(COOPERATIVE_CLOSE_TYPEHASH, c)));
    }

    function _digest(bytes32 structHash) private view returns (bytes32 d) {
        bytes32 sep = domainSeparator();
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, hex"1901")
            mstore(add(m, 0x02), sep)
            mstore(add(m, 0x22), structHash)
            d := keccak256(m, 0x42)
        }
    }

    // ---- views ----
    /// §3.1: keccak256(abi.encode(chainId, this contract, a, b, index)).
    function channelId(address a, address b, uint256 index) public view returns (bytes32 id) {
        return keccak256(abi.encode(block.chainid, address(this), a, b, index));
    }

    function channel(bytes32 id) external view returns (ChannelInfo memory info) {
        Channel storage ch = _channels[id];
        info.status = _status(ch);
        if (info.status == Status.None) return info;
        info.a = ch.a;
        info.b = ch.b;
        info.depositA = ch.depositA;
        info.depositB = ch.depositB;
        if (info.status == Status.Open) return info;
        info.nonce = ch.nonce;
        info.disputeEndsAt = ch.disputeEndsAt;
        info.locked = ch.locked;
        info.locksRoot = ch.locksRoot;
        if (info.status == Status.Closing) {
            info.payA = ch.payA;
            info.payB = info.depositA + info.depositB - info.payA - info.locked;
        }
    }

    /// §4.1: keccak256(fromB[1] ‖ expiry[8] ‖ amount[32] ‖ secretHash[32]).
    function lockLeaf(Lock calldata lock) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(lock.fromB, lock.expiry, lock.amount, lock.secretHash));
    }

    /// Whether lock `index` of a settled channel was unlocked or returned. (Once every lock's
    /// amount is paid the channel is deleted; its status is then None.)
    function isLockResolved(bytes32 id, uint256 index) external view returns (bool) {
        if (index < 160) return _channels[id].resolvedLow & (1 << index) != 0;
        return _resolved[id][index >> 8] & (1 << (index & 255)) != 0;
    }

    function _status(Channel storage ch) private view returns (Status) {
        if (ch.a == address(0)) return Status.None;
        return Status(uint8(ch.phase) + 1);
    }

    function _expectStatus(bytes32 id, Channel storage ch, Status want) private view {
        Status st = _status(ch);
        if (st != want) revert WrongStatus(id, st);
    }

    // ---- open and top up (§5.1) ----
    /// Opens a channel between `a` and `b` with these deposits; msg.value must be their sum. Either
    /// participant may open it and fund either side (a hub funds its own side as B).
    function open(address a, address b, uint256 depositA, uint256 depositB) external payable returns (bytes32 id) {
        if (a == address(0) || b == address(0) || a == b || a == address(this) || b == address(this)) {
            revert InvalidParticipants(a, b);
        }
        if (msg.sender != a && msg.sender != b) revert NotParticipant(msg.sender);
        if (depositA > MAX_TOTAL_DEPOSIT || depositB > MAX_TOTAL_DEPOSIT - depositA) {
            revert DepositsTooLarge(depositA, depositB);
        }
        if (msg.value != depositA + depositB) revert WrongValue(msg.value, depositA + depositB);
        uint256 index = channelCount;
        channelCount = index + 1;
        id = channelId(a, b, index);
        Channel storage ch = _channels[id];
        ch.a = a;
        ch.depositA = uint96(depositA);
        ch.b = b;
        ch.depositB = uint96(depositB);
        emit ChannelOpened(id, a, b, index, depositA, depositB);
    }

    /// Adds msg.value to the caller's deposit in an open channel.
    function deposit(bytes32 id) external payable {
        Channel storage ch = _channels[id];
        _expectStatus(id, ch, Status.Open);
        if (msg.value == 0) revert ZeroDeposit();
        (uint256 dA, uint256 dB) = (ch.depositA, ch.depositB);
        uint256 total;
        if (msg.sender == ch.a) {
            total = dA + msg.value;
            if (total + dB > MAX_TOTAL_DEPOSIT) revert DepositsTooLarge(total, dB);
            ch.depositA = uint96(total);
        } else if (msg.sender == ch.b) {
            total = dB + msg.value;
            if (dA + total > MAX_TOTAL_DEPOSIT) revert DepositsTooLarge(dA, total);
            ch.depositB = uint96(total);
        } else {
            revert NotParticipant(msg.sender);
        }
        emit Deposited(id, msg.sender, msg.value, total);
    }

    // ---- cooperative close (§5.2) ----
    /// Pays both participants at once from a CooperativeClose both signed; open or closing
    /// channels. Anyone may send it.
    function cooperativeClose(CooperativeClose calldata c, bytes calldata sigA, bytes calldata sigB) external {
        bytes32 id = c.channelId;
        Channel storage ch = _channels[id];
        Status st = _status(ch);
        if (st != Status.Open && st != Status.Closing) revert WrongStatus(id, st);
        (address a, address b) = (ch.a, ch.b);
        _checkSignatures(_digest(keccak256(abi.encode(COOPERATIVE_CLOSE_TYPEHASH, c))), a, sigA, b, sigB);
        (uint256 payA, uint256 payB) = _cooperativeOutcome(ch, c);
        _delete(ch, st == Status.Closing);
        emit ClosedCooperatively(id, payA, payB);
        _pay(a, payA);
        _pay(b, payB);
    }

    function _cooperativeOutcome(Channel storage ch, CooperativeClose calldata c)
        private
        view
        returns (uint256 payA, uint256 payB)
    {
        (uint256 dA, uint256 dB) = (ch.depositA, ch.depositB);
        payA = _outcome(dA, dB, c.depositA, c.depositB, c.balanceA, c.balanceB, 0);
        payB = dA + dB - payA;
    }

    // ---- unilateral close, dispute, settle (§5.3–§5.5) ----
    /// A participant starts the dispute period with a state both signed (nonce ≥ 1).
    function close(State calldata s, bytes calldata sigA, bytes calldata sigB) external {
        Channel storage ch = _channels[s.channelId];
        _expectStatus(s.channelId, ch, Status.Open);
        if (msg.sender != ch.a && msg.sender != ch.b) revert NotParticipant(msg.sender);
        if (s.nonce == 0) revert ZeroNonce();
        (uint256 payA, uint256 payB) = _acceptState(ch, s, sigA, sigB);
        uint64 endsAt = uint64(block.timestamp + disputePeriod);
        ch.phase = Phase.Closing;
        ch.nonce = s.nonce;
        ch.disputeEndsAt = endsAt;
        ch.payA = uint96(payA);
        emit CloseStarted(s.channelId, msg.sender, s.nonce, payA, payB, s.lockedAmount, s.locksRoot, endsAt);
    }

    /// A participant starts the dispute period with the opening state (nonce 0): each
    /// participant's deposits, no locks. For a participant that holds no signed state.
    function closeInitial(bytes32 id) external {
        Channel storage ch = _channels[id];
        _expectStatus(id, ch, Status.Open);
        if (msg.sender != ch.a && msg.sender != ch.b) revert NotParticipant(msg.sender);
        uint64 endsAt = uint64(block.timestamp + disputePeriod);
        uint96 dA = ch.depositA;
        ch.phase = Phase.Closing;
        ch.disputeEndsAt = endsAt;
        ch.payA = dA;
        emit CloseStarted(id, msg.sender, 0, dA, ch.depositB, 0, bytes32(0), endsAt);
    }

    /// Anyone (a participant, a watchtower) replaces the closing state with one of a higher nonce
    /// that both signed, before the dispute period ends.
    function dispute(State calldata s, bytes calldata sigA, bytes calldata sigB) external {
        Channel storage ch = _channels[s.channelId];
        _expectStatus(s.channelId, ch, Status.Closing);
        {
            uint256 endsAt = ch.disputeEndsAt;
            if (block.timestamp >= endsAt) revert DisputePeriodOver(endsAt);
            if (s.nonce <= ch.nonce) revert StaleNonce(s.nonce, ch.nonce);
        }
        (uint256 payA, uint256 payB) = _acceptState(ch, s, sigA, sigB);
        ch.nonce = s.nonce;
        ch.payA = uint96(payA);
        emit Disputed(s.channelId, msg.sender, s.nonce, payA, payB, s.lockedAmount, s.locksRoot);
    }

    /// Pays the closing state's balances once the dispute period is over; the locked amount stays
    /// for unlock / claimExpired. Anyone may send it.
    function settle(bytes32 id) external {
        Channel storage ch = _channels[id];
        _expectStatus(id, ch, Status.Closing);
        uint256 endsAt = ch.disputeEndsAt;
        if (block.timestamp < endsAt) revert DisputePeriodNotOver(endsAt);
        (address a, uint256 dA, address b, uint256 dB) = (ch.a, ch.depositA, ch.b, ch.depositB);
        uint256 payA = ch.payA;
        uint256 locked = ch.locked;
        uint256 payB = dA + dB - payA - locked;
        if (locked == 0) {
            _delete(ch, false); // the close slot stays (see _delete)
        } else {
            ch.phase = Phase.Settled;
        }
        emit Settled(id, payA, payB, locked);
        _pay(a, payA);
        _pay(b, payB);
    }

    /// Checks a state for `ch` (§5.3's list after the status) and stores its locks; returns what
    /// settle would pay each participant.
    function _acceptState(Channel storage ch, State calldata s, bytes calldata sigA, bytes calldata sigB)
        private
        returns (uint256 payA, uint256 payB)
    {
        _checkSignatures(_digest(keccak256(abi.encode(STATE_TYPEHASH, s))), ch.a, sigA, ch.b, sigB);
        (payA, payB) = _stateOutcome(ch, s);
        uint256 locked = s.lockedAmount;
        bytes32 root = s.locksRoot;
        if ((root == bytes32(0)) != (locked == 0)) revert InconsistentLocks();
        // Only slots that change are written: a state without locks after one without locks
        // touches neither.
        if (ch.locksRoot != root) ch.locksRoot = root;
        if (ch.locked != locked) ch.locked = uint96(locked);
    }

    function _stateOutcome(Channel storage ch, State calldata s) private view returns (uint256 payA, uint256 payB) {
        (uint256 dA, uint256 dB) = (ch.depositA, ch.depositB);
        payA = _outcome(dA, dB, s.depositA, s.depositB, s.balanceA, s.balanceB, s.lockedAmount);
        payB = dA + dB - payA - s.lockedAmount;
    }

    /// §3.1: the state's deposits are at most the channel's, and its balances and locked amount
    /// add up to its deposits. Returns A's payout: balanceA plus A's deposits after the state.
    function _outcome(
        uint256 dA,
        uint256 dB,
        uint256 sdA,
        uint256 sdB,
        uint256 balanceA,
        uint256 balanceB,
        uint256 locked
    ) private pure returns (uint256) {
        if (sdA > dA || sdB > dB) revert DepositsExceeded(sdA, sdB);
        uint256 total = sdA + sdB; // ≤ 2^97: no overflow
        if (balanceA > total || balanceB > total - balanceA || locked != total - balanceA - balanceB) {
            revert NotConserved();
        }
        return balanceA + (dA - sdA);
    }

    function _checkSignatures(bytes32 digest, address a, bytes calldata sigA, address b, bytes calldata sigB)
        private
        pure
    {
        if (_signer(digest, sigA) != a) revert BadSignature(a);
        if (_signer(digest, sigB) != b) revert BadSignature(b);
    }

    /// §3.2: a 65-byte r ‖ s ‖ v signature with v ∈ {27, 28} and s ≤ n/2; address(0) otherwise
    /// (never a participant).
    function _signer(bytes32 digest, bytes calldata sig) private pure returns (address) {
        if (sig.length != 65) return address(0);
        bytes32 r = bytes32(sig[0:32]);
        bytes32 s = bytes32(sig[32:64]);
        uint8 v = uint8(sig[64]);
        if (uint256(s) > HALF_N || (v != 27 && v != 28)) return address(0);
        return ecrecover(digest, v, r, s);
    }

    /// Deletes a channel whose money is all accounted for. Writes only the slots that can be set:
    /// the participants and deposits, the close slot if `closing`, the lock slots. `settle` passes
    /// false and so leaves the close slot: nothing reads it once the participant slot is zero (the
    /// status is None, every entry point refuses the id, ids are never reused), and clearing it
    /// would cost 2,900 gas for a refund the 20% cap cuts to less (the receipt would be 884 gas
    /// more). docs/CHANNELS.md §5.
    function _delete(Channel storage ch, bool closing) private {
        bool hasLocks = closing && ch.locked != 0;
        assembly ("memory-safe") {
            let slot := ch.slot
            sstore(slot, 0)
            sstore(add(slot, 1), 0)
            if closing { sstore(add(slot, 2), 0) }
            if hasLocks {
                sstore(add(slot, 3), 0)
                sstore(add(slot, 4), 0)
            }
        }
    }

    // ---- hash-time locks (§4, §6) ----
    /// Records that `secret` is known now; a lock with keccak256(secret) counts as claimable if this
    /// happens before its expiry (§6.1). Once per secret.
    function registerSecret(bytes32 secret) external {
        bytes32 h = keccak256(abi.encodePacked(secret));
        uint256 at = secretRegisteredAt[h];
        if (at != 0) revert SecretAlreadyRegistered(h, at);
        secretRegisteredAt[h] = block.timestamp;
        emit SecretRegistered(h, secret);
    }

    /// Pays a lock of the settled state to its receiver: its secret was registered before its
    /// expiry. `index` and `proof` place the lock's leaf in the settled locksRoot. Anyone may send it.
    function unlock(bytes32 id, Lock calldata lock, uint256 index, bytes32[] calldata proof) external {
        (address a, address b) = _resolve(id, lock, index, proof, true);
        address receiver = lock.fromB ? a : b;
        emit Unlocked(id, index, receiver, lock.amount, lock.secretHash);
        _pay(receiver, lock.amount);
    }

    /// Returns a lock of the settled state to its sender: it has expired and its secret was not
    /// registered before its expiry. Anyone may send it.
    function claimExpired(bytes32 id, Lock calldata lock, uint256 index, bytes32[] calldata proof) external {
        (address a, address b) = _resolve(id, lock, index, proof, false);
        address sender = lock.fromB ? b : a;
        emit LockExpired(id, index, sender, lock.amount, lock.secretHash);
        _pay(sender, lock.amount);
    }

    /// §6.2, in this order: the channel is settled, the lock is leaf `index` of its locksRoot, it
    /// is unresolved, it is claimable by its receiver (`toReceiver`) or returnable to its sender,
    /// and its amount is at most what the channel still holds. Marks it resolved and takes its
    /// amount off (deleting the channel when nothing is left). Returns the participants.
    function _resolve(bytes32 id, Lock calldata lock, uint256 index, bytes32[] calldata proof, bool toReceiver)
        private
        returns (address a, address b)
    {
        Channel storage ch = _channels[id];
        _expectStatus(id, ch, Status.Settled);
        (bytes32 root, bool ok) = Merkle.processProof(lockLeaf(lock), index, proof);
        if (!ok || root != ch.locksRoot) revert BadLockProof();
        uint256 lockWord = _markResolved(ch, id, index);
        _checkLockTime(lock, toReceiver);
        uint256 locked = uint96(lockWord);
        uint256 amount = lock.amount;
        if (amount > locked) revert LockExceedsLocked(amount, locked);
        (a, b) = (ch.a, ch.b);
        assembly ("memory-safe") {
            let slot := ch.slot
            switch eq(amount, locked)
            case 1 {
                // The last of the locked amount: nothing is left to pay from this channel.
                sstore(slot, 0)
                sstore(add(slot, 1), 0)
                sstore(add(slot, 2), 0)
                sstore(add(slot, 3), 0)
                sstore(add(slot, 4), 0)
            }
            default {
                // `locked` is the low 96 bits of the word and amount < locked: no borrow.
                sstore(add(slot, 4), sub(lockWord, amount))
            }
        }
    }

    /// Marks lock `index` resolved, reverting if it was. Returns the channel's `locked` /
    /// `resolvedLow` word, with the lock's bit set when it lives there (the caller writes it).
    function _markResolved(Channel storage ch, bytes32 id, uint256 index) private returns (uint256 lockWord) {
        assembly ("memory-safe") {
            lockWord := sload(add(ch.slot, 4))
        }
        if (index < 160) {
            uint256 low = 1 << (96 + index);
            if (lockWord & low != 0) revert LockAlreadyResolved(index);
            return lockWord | low;
        }
        mapping(uint256 => uint256) storage resolved = _resolved[id];
        uint256 bit = 1 << (index & 255);
        uint256 word = resolved[index >> 8];
        if (word & bit != 0) revert LockAlreadyResolved(index);
        resolved[index >> 8] = word | bit;
    }

    /// §6.1: claimable by the receiver iff the secret was registered before the expiry; returnable
    /// to the sender iff it has expired and was not.
    function _checkLockTime(Lock calldata lock, bool toReceiver) private view {
        uint256 at = secretRegisteredAt[lock.secretHash];
        if (toReceiver) {
            if (at == 0) revert SecretNotRegistered(lock.secretHash);
            if (at >= lock.expiry) revert SecretRegisteredTooLate(lock.secretHash, at, lock.expiry);
        } else {
            if (block.timestamp < lock.expiry) revert LockNotExpired(lock.expiry);
            if (at != 0 && at < lock.expiry) revert LockClaimable(lock.secretHash, at);
        }
    }

    // ---- payouts (§7) ----
    /// Pays out the caller's deferred payments to `to` (all the gas the call has).
    function withdraw(address to) external {
        uint256 amount = withdrawable[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        withdrawable[msg.sender] = 0;
        emit Withdrawn(msg.sender, to, amount);
        bool ok;
        assembly ("memory-safe") {
            ok := call(gas(), to, amount, 0, 0, 0, 0)
        }
        if (!ok) revert PaymentFailed(to, amount);
    }

    /// Pushes `amount` to `to` with PAYOUT_GAS and no return data copied; on failure credits it to
    /// `withdrawable[to]`. Called last, after every state change (checks-effects-interactions).
    function _pay(address to, uint256 amount) private {
        if (amount == 0) return;
        bool ok;
        assembly ("memory-safe") {
            ok := call(PAYOUT_GAS, to, amount, 0, 0, 0, 0)
        }
        if (!ok) {
            withdrawable[to] += amount;
            emit PaymentDeferred(to, amount);
        }
    }
}
