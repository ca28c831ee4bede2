#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""First run of the real `sluice-wallet` binary, driven from outside through AT-SPI as a user would.

A brand-new profile: onboarding, "Create a new wallet", the recovery phrase read off the screen,
the confirmation words typed back, a password, then the local network the app starts by itself
(sluiced --devnet with anvil). The wallet's first address is read from the Receive tab, 10 ETH
are sent to it on L1 with cast from a devnet dev account, and 1 ETH is deposited to L2 through the
Bridge page and its review dialog. The test ends when the Overview shows the L2 balance credited
and the app, asked to quit with SIGTERM, exits 0 and leaves no node or anvil behind.

Everything is found by what the accessibility tree exposes (role, name, description, text) and
operated with synthesized mouse clicks and key presses (XTEST under Xvfb). Nothing runs inside
the app: no --dev-fixture, no test hooks.

Why clicks and keys rather than AT-SPI actions: in Qt 6.4 a Quick Controls button ignores the
AT-SPI "Press" action (QQuickAbstractButton has no accessiblePressAction yet: the call returns
true and nothing happens), text fields offer no EditableText interface, and a disabled control
still reports ENABLED/SENSITIVE. So the test clicks where a control is, types into the focused
field, and waits for what the click should cause rather than looking at states.

Run it through first_run.sh, which provides Xvfb, a private D-Bus session, a fresh HOME and XDG
dirs, and ends every process it started. Exit status: 0 passed, 1 failed.

packaging/test-install.sh runs the installed package through the same steps up to the network:
"-" for SLUICED and ANVIL lets the app find its own node and the node its bundled anvil (on the
default ports), --until-network stops after the wallet is created and the local network is up,
and --while-up runs a command (checks, a screenshot) before the app is asked to quit.
"""

import argparse
import ctypes
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

PASSWORD = "correct horse battery staple"
ADDRESS_RE = re.compile(r"^0x[0-9a-fA-F]{40}$")
POLL = 0.25  # seconds between two looks at the tree (one look at a page takes ~0.1 s)
SHORT = 10.0  # seconds for what follows a click or a key at once (focus, a field's text)
# Any other wait: the slowest, the bundled network's first start, takes ~10 s here. Set by --timeout.
timeout_s = 120.0
APP = None  # the App under test, for the tree dump of a failed wait
ARTIFACTS = None  # where a failed wait leaves its screenshot


class TestFailure(Exception):
    pass


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# The accessibility tree. Every call is a D-Bus round trip that fails if the item has gone (a
# page changed under us): such a read counts as "not there", and the next poll sees the new tree.
# ---------------------------------------------------------------------------------------------

def safe(fn, default=""):
    try:
        return fn()
    except GLib.Error:
        return default


def role(acc):
    return safe(acc.get_role_name)


def name(acc):
    return safe(acc.get_name) or ""


def description(acc):
    return safe(acc.get_description) or ""


def has_state(acc, state):
    states = safe(acc.get_state_set, None)
    return states is not None and states.contains(state)


def showing(acc):
    return has_state(acc, Atspi.StateType.SHOWING)


def focused(acc):
    return has_state(acc, Atspi.StateType.FOCUSED)


def text_of(acc):
    """The content of a text field (Qt exposes it through the Text interface, not the name)."""
    if "Text" not in safe(acc.get_interfaces, []):
        return ""
    return safe(lambda: acc.get_text(0, -1)) or ""


def extents(acc):
    if acc is None or "Component" not in safe(acc.get_interfaces, []):
        return None
    return safe(lambda: acc.get_extents(Atspi.CoordType.SCREEN), None)


def children(acc):
    out = []
    for i in range(safe(acc.get_child_count, 0)):
        child = safe(lambda: acc.get_child_at_index(i), None)
        if child is not None:
            out.append(child)
    return out


def walk(acc, only_showing=True, depth=0):
    """acc and its descendants, depth first. Hidden subtrees (the pages of the side rail not on
    screen, closed dialogs) are skipped unless asked for: nothing in them is showing either."""
    yield acc, depth
    for child in children(acc):
        if only_showing and not showing(child):
            continue
        yield from walk(child, only_showing, depth + 1)


class App:
    """The running app as AT-SPI sees it."""

    def __init__(self, process):
        self.process = process
        self.root = None

    def attach(self):
        def registered():
            for app in children(Atspi.get_desktop(0)):
                if safe(app.get_process_id, -1) == self.process.pid:
                    return app
            return None

        self.root = wait_for("the app to register on the accessibility bus", registered)
        # No caching: every read asks the app, so a poll never sees a stale name or child list.
        self.root.set_cache_mask(Atspi.Cache.NONE)

    def frame(self):
        return next((acc for acc in children(self.root) if role(acc) == "frame"), None)

    def find_all(self, role_name=None, name_is=None, name_re=None, within=None):
        found = []
        for acc, _ in walk(within or self.root):
            if role_name is not None and role(acc) != role_name:
                continue
            if name_is is not None and name(acc) != name_is:
                continue
            if name_re is not None and not re.search(name_re, name(acc)):
                continue
            found.append(acc)
        return found

    def find(self, **kwargs):
        found = self.find_all(**kwargs)
        return found[0] if found else None

    def dump(self):
        """The showing part of the tree, one line per item: [role] name (description) = text."""
        if self.root is None:
            return "(the app is not on the accessibility bus)"
        lines = []
        for acc, depth in walk(self.root):
            line = "  " * depth + f"[{role(acc)}] {name(acc)!r}"
            if description(acc):
                line += f" ({description(acc)!r})"
            if role(acc) == "password text":
                # Qt 6.4 hands out a password field's plain text over AT-SPI; keep it out of logs.
                line += f" = ({len(text_of(acc))} characters)"
            elif role(acc) in ("text", "entry"):
                line += f" = {text_of(acc)!r}"
            lines.append(line)
        return "\n".join(lines)


def wait_for(what, condition, timeout=None):
    """Polls condition() until it returns something truthy and returns that. After timeout seconds
    (default: --timeout) it fails saying what was awaited, with the accessible tree and, where
    ImageMagick is installed, a screenshot."""
    timeout = timeout_s if timeout is None else timeout
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if APP is not None and APP.process.poll() is not None:
            raise TestFailure(f"the app exited (code {APP.process.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            break
        time.sleep(POLL)
    message = f"timed out after {timeout:.0f} s waiting for {what}"
    if APP is not None and APP.process.poll() is None:
        message += "\n--- accessible tree (showing items) ---\n" + APP.dump()
    if ARTIFACTS is not None and shutil.which("import"):
        shot = ARTIFACTS / f"failure-{time.strftime('%H%M%S')}.png"
        subprocess.run(["import", "-window", "root", str(shot)], check=False, capture_output=True)
        message += f"\n--- screenshot: {shot}"
    raise TestFailure(message)


# ---------------------------------------------------------------------------------------------
# Input, as a user gives it
# ---------------------------------------------------------------------------------------------

last_click = (0.0, -100, -100)  # when and where the last click was


def click(app, acc, what):
    """A left click in the middle of the item. The point must be inside the window: an item
    scrolled out of view is reported rather than clicked blindly."""
    global last_click
    box = extents(acc)
    if box is None or box.width <= 0 or box.height <= 0:
        raise TestFailure(f"{what} has no place on the screen\n" + app.dump())
    x, y = box.x + box.width // 2, box.y + box.height // 2
    frame = extents(app.frame())
    if frame is not None and not (frame.x <= x < frame.x + frame.width and frame.y <= y < frame.y + frame.height):
        raise TestFailure(f"{what} is outside the window at ({x}, {y})\n" + app.dump())
    # Two clicks close in time and place are one double click to Qt, and the second would not be
    # a click: keep them further apart than Qt's double-click interval (400 ms) when they are near.
    when, last_x, last_y = last_click
    if abs(x - last_x) < 10 and abs(y - last_y) < 10:
        time.sleep(max(0.0, when + 0.5 - time.monotonic()))
    Atspi.generate_mouse_event(x, y, "b1c")
    last_click = (time.monotonic(), x, y)


def type_into(app, field, text, what, secret=False):
    """Clicks into the field, waits until it has the keyboard focus, types text and waits until
    the field holds it (a password field holds as many mask characters as were typed)."""
    click(app, field, what)
    wait_for(f"{what} to take the keyboard focus", lambda: focused(field), SHORT)
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
    if secret:
        wait_for(f"{what} to hold {len(text)} characters", lambda: len(text_of(field)) == len(text), SHORT)
    else:
        wait_for(f"{what} to read {text!r}", lambda: text_of(field) == text, SHORT)


def press_button(app, label):
    button = wait_for(f"the button {label!r}", lambda: app.find(role_name="push button", name_is=label))
    click(app, button, f"the button {label!r}")


def open_page(app, label):
    """A page of the side rail ('Overview', 'Bridge', ...); returns once it is on screen."""
    entry = wait_for(f"the navigation entry {label!r}", lambda: app.find(role_name="list item", name_is=label))
    click(app, entry, f"the navigation entry {label!r}")
    wait_for(f"the page {label!r}", lambda: app.find(role_name="page tab", name_is=label))


def field_labelled(app, role_name, label):
    """A text field by its accessible name or, where the QML gives it none, by its placeholder,
    which Qt exposes as the description (these fields need an Accessible.name: see the report)."""
    for acc in app.find_all(role_name=role_name):
        if name(acc) == label or (not name(acc) and description(acc) == label):
            return acc
    return None


# ---------------------------------------------------------------------------------------------
# The steps
# ---------------------------------------------------------------------------------------------

def create_wallet(app):
    wait_for("the welcome page", lambda: app.find(role_name="label", name_is="Welcome to Sluice"))
    press_button(app, "Create a new wallet")

    # The phrase: twelve cells named "N: word" (WordGrid.qml).
    def phrase():
        cells = app.find_all(role_name="label", name_re=r"^\d+: [a-z]+$")
        return cells if len(cells) == 12 else None

    words = dict((int(n), w) for n, w in (name(cell).split(": ") for cell in wait_for("the 12 words", phrase)))
    if sorted(words) != list(range(1, 13)):
        raise TestFailure(f"the phrase is not numbered 1..12: {words}")
    log("recovery phrase shown: 12 words")

    written = wait_for("the 'written down' check box",
                       lambda: app.find(role_name="check box", name_re=r"^I have written down"))
    click(app, written, "the 'written down' check box")
    wait_for("the check box to be ticked", lambda: has_state(written, Atspi.StateType.CHECKED), SHORT)
    press_button(app, "Continue")

    # Which words the confirmation asks for is only on the screen: one field per word, "Word #N".
    wait_for("the confirmation page", lambda: app.find(role_name="label", name_is="Confirm your recovery phrase"))

    def word_fields():
        fields = []
        for acc in app.find_all(role_name="text"):
            match = re.fullmatch(r"Word #(\d+)", name(acc) or description(acc))
            if match:
                fields.append((int(match.group(1)), acc))
        return fields

    fields = wait_for("the fields asking for words of the phrase", word_fields)
    log(f"confirmation asks for words {[n for n, _ in fields]}")
    for number, field in fields:
        type_into(app, field, words[number], f"the field for word #{number}")
    press_button(app, "Confirm")

    wait_for("the password page", lambda: app.find(role_name="label", name_is="Choose a password"))
    for label in ("Password", "Repeat the password"):
        field = wait_for(f"the field {label!r}", lambda: field_labelled(app, "password text", label))
        type_into(app, field, PASSWORD, f"the field {label!r}", secret=True)
    press_button(app, "Create wallet")

    # Encrypting takes a few seconds; then the wallet opens with the side rail.
    wait_for("the open wallet (its 'Pages' navigation)", lambda: app.find(role_name="page tab list", name_is="Pages"))
    log("wallet created and open")


def stat(app, caption):
    """The value of an Overview tile ("On Sluice (L2): 1 ETH" gives "1 ETH"), None while empty."""
    tile = app.find(role_name="panel", name_re="^" + re.escape(caption) + ": ")
    return (name(tile)[len(caption) + 2:] or None) if tile is not None else None


def wait_for_network(app):
    # Until the wallet has its network, the pages show "Starting your local network…"; the
    # Overview's L1 total appears once the wallet has read the chain.
    # If the network fails instead (StartupView.qml: "The network is not available" and why),
    # waiting longer would not help: the test fails at once with the app's own words.
    open_page(app, "Overview")

    def up_or_failed():
        heading = app.find(role_name="label", name_is="The network is not available")
        if heading is not None:
            why = [name(acc) for acc in app.find_all(role_name="label", within=safe(heading.get_parent, None))]
            raise TestFailure("the app says: " + " / ".join(why) + "\n" + app.dump())
        return stat(app, "On Ethereum (L1)")

    value = wait_for("the Overview's L1 total (the local network up and read)", up_or_failed)
    log(f"network up; L1 total {value}")


def read_address(app):
    open_page(app, "Send & Receive")
    tab = wait_for("the Receive tab", lambda: app.find(role_name="page tab", name_is="Receive"))
    click(app, tab, "the Receive tab")
    label = wait_for("the account's address on the Receive tab",
                     lambda: next((acc for acc in app.find_all(role_name="label") if ADDRESS_RE.match(name(acc))), None))
    return name(label)


def fund_on_l1(app, cast, devnet_dir, address, amount_eth):
    manifest_path = devnet_dir / "devnet.json"
    manifest = json.loads(wait_for(str(manifest_path), lambda: manifest_path.is_file() and manifest_path.read_text(), SHORT))
    l1_rpc = manifest["l1"]["rpcUrl"]
    # The last dev account: the app's own "+10 test ETH" button takes the first.
    sender = manifest["devAccounts"][-1]
    log(f"sending {amount_eth} ETH on L1 ({l1_rpc}) from {sender['address']}")
    result = subprocess.run([cast, "send", "--rpc-url", l1_rpc, "--private-key", sender["privateKey"],
                             "--value", f"{amount_eth}ether", address],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise TestFailure(f"cast send failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    open_page(app, "Overview")
    wait_for(f"the Overview to show {amount_eth} ETH on L1", lambda: stat(app, "On Ethereum (L1)") == f"{amount_eth} ETH")
    log(f"the Overview shows {amount_eth} ETH on L1")


def deposit(app, address, funded_eth, amount_eth):
    open_page(app, "Bridge")
    tab = wait_for("the deposit tab", lambda: app.find(role_name="page tab", name_is="Deposit from L1 to L2"))
    click(app, tab, "the deposit tab")
    # The form takes an amount (and enables Deposit) once it knows the balance, which it then shows.
    wait_for("the bridge form to show the L1 balance",
             lambda: app.find(role_name="label", name_is=f"Available on L1: {funded_eth} ETH"))
    amount = wait_for("the amount field", lambda: app.find(role_name="text", name_is="Amount (ETH)"))
    type_into(app, amount, str(amount_eth), "the amount field")
    press_button(app, "Deposit")

    dialog = wait_for("the review dialog", lambda: app.find(role_name="dialog", name_is="Review before signing"))
    shown = [name(acc) for acc in app.find_all(role_name="label", within=dialog)]
    for expected in ("Deposit from L1 to L2", "Ethereum (L1)  chain 31337", f"{amount_eth} ETH", address):
        if expected not in shown:
            raise TestFailure(f"the review dialog does not show {expected!r}: {shown}")
    log("review dialog: " + "; ".join(shown[1:]))
    press_button(app, "Sign and send")
    wait_for("the review dialog to close", lambda: app.find(role_name="dialog", name_is="Review before signing") is None)
    submitted = wait_for("the deposit's transaction hash ('Submitted: 0x…')",
                         lambda: app.find(role_name="label", name_re=r"^Submitted: 0x[0-9a-f]{64}$"))
    log(name(submitted))


def wait_for_credit(app, amount_eth):
    wait_for("the Transfers list to show the deposit credited",
             lambda: app.find(role_name="list item", name_is=f"Deposit of {amount_eth} ETH, Credited on L2"))
    open_page(app, "Overview")
    wait_for(f"the Overview to show {amount_eth} ETH on L2", lambda: stat(app, "On Sluice (L2)") == f"{amount_eth} ETH")
    row = wait_for("the account's row to show the L2 balance",
                   lambda: app.find(role_name="table row", name_re=rf"^Account 1: .* on L1, {amount_eth} ETH on L2,"))
    log(f"credited: {name(row)}")


# ---------------------------------------------------------------------------------------------
# The process
# ---------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def die_with_parent():
    """Runs in the app's process before exec: if this driver dies (killed by a timeout), the
    kernel sends the app SIGTERM, which quits it as a session ending does, node and anvil too."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_app(args, work):
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real X11 window under Xvfb, not offscreen
    # Without it Qt stays off the accessibility bus until a screen reader turns it on there.
    env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    if args.anvil != "-":
        env["SLUICE_ANVIL"] = args.anvil  # read by sluiced --devnet (node/devnet/devnet.cpp)
    if args.sluiced == "-":
        pass  # the app's own lookup: the sluiced beside it, on the default ports
    elif args.default_ports:
        env["SLUICE_SLUICED"] = args.sluiced  # read by the app (LocalStack::findSluiced)
    else:
        # The app runs `$SLUICE_SLUICED --devnet --data-dir DIR`; this wrapper only moves the node
        # and its anvil off the default ports 8545/8546, so that a local network someone else runs
        # (or a parallel test) cannot collide with this one.
        wrapper = work / "sluiced"
        wrapper.write_text(f'#!/bin/sh\nexec "{args.sluiced}" "$@" --l1-port {free_port()} --l2-port {free_port()}\n')
        wrapper.chmod(0o755)
        env["SLUICE_SLUICED"] = str(wrapper)
    if args.default_data_dir:
        # Where a user's wallet goes: QStandardPaths::AppDataLocation of organisation and application
        # "Sluice" (services/bridge/network_config.cpp), under the new HOME's XDG data directory.
        xdg_data = env.get("XDG_DATA_HOME") or str(Path(env["HOME"]) / ".local" / "share")
        data_dir = Path(xdg_data) / "Sluice" / "Sluice"
        command = [args.sluice]
    else:
        data_dir = work / "wallet"  # does not exist yet: a brand-new profile
        command = [args.sluice, "--data-dir", str(data_dir)]
    if data_dir.exists():
        raise TestFailure(f"{data_dir} exists: not a brand-new profile")
    with open(work / "app.log", "wb") as log_file:
        # Its own process group, which the node and anvil it starts join: cleanup finds them there.
        process = subprocess.Popen(command, env=env, stdout=log_file,
                                   stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=die_with_parent)
    return process, data_dir


def group_alive(pgid):
    """Whether a live (not zombie) process is left in the process group."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it exited while we looked
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def quit_app(process):
    """SIGTERM is how a session ending quits the app: it must exit 0 and stop its node and anvil."""
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(30)
    except subprocess.TimeoutExpired:
        raise TestFailure("the app did not exit within 30 s of SIGTERM")
    if code != 0:
        raise TestFailure(f"the app exited with {code} after SIGTERM, not 0")
    wait_for("the app's node and anvil to stop", lambda: not group_alive(process.pid), 15)


def kill_group(process):
    """After a failure: the app, its node and anvil, politely first."""
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + grace
        while group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
    process.wait()


def tail(path, lines):
    if not path.is_file():
        return f"--- {path}: none"
    return f"--- last lines of {path} ---\n" + "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def main():
    global APP, ARTIFACTS, timeout_s
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sluice")
    parser.add_argument("sluiced")
    parser.add_argument("anvil")
    parser.add_argument("cast")
    parser.add_argument("--work", type=Path, required=True, help="a directory for the wallet and the logs")
    parser.add_argument("--timeout", type=float, default=timeout_s, help="seconds any one wait may take")
    parser.add_argument("--fund", type=int, default=10, help="ETH sent on L1")
    parser.add_argument("--deposit", type=int, default=1, help="ETH deposited to L2")
    parser.add_argument("--default-ports", action="store_true",
                        help="let the node use its default ports 8545/8546, exactly as a user's first run")
    parser.add_argument("--default-data-dir", action="store_true",
                        help="no --data-dir: the app keeps its wallet where a user's goes, under HOME")
    parser.add_argument("--until-network", action="store_true",
                        help="stop once the wallet is created and the local network is up (no funding, no deposit)")
    parser.add_argument("--while-up", metavar="COMMAND",
                        help="a shell command run once the network is up, before the app quits; it must exit 0")
    args = parser.parse_args()
    timeout_s, ARTIFACTS = args.timeout, args.work
    # A TERM (the wrapper's cleanup) ends the run through the `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    started = time.monotonic()
    Atspi.get_desktop(0)  # starts the accessibility bus before the app, so that it registers at once
    process, data_dir = start_app(args, args.work)
    ok = False
    try:
        APP = App(process)
        APP.attach()
        log(f"app (pid {process.pid}) is on the accessibility bus")
        create_wallet(APP)
        wait_for_network(APP)
        address = read_address(APP)
        log(f"first address {address}")
        if not args.until_network:
            # The bundled devnet lives in <data dir>/devnet (WalletSession's constructor).
            fund_on_l1(APP, args.cast, data_dir / "devnet", address, args.fund)
            deposit(APP, address, args.fund, args.deposit)
            wait_for_credit(APP, args.deposit)
        if args.while_up:
            open_page(APP, "Overview")
            log(f"running: {args.while_up}")
            env = dict(os.environ, SLUICE_DATA_DIR=str(data_dir), SLUICE_APP_PID=str(process.pid),
                       SLUICE_ADDRESS=address)
            if subprocess.run(args.while_up, shell=True, env=env).returncode != 0:
                raise TestFailure(f"{args.while_up} failed")
        APP = None  # quitting: nothing to dump any more
        quit_app(process)
        log("the app quit on SIGTERM with 0, its node and anvil stopped")
        ok = True
    except TestFailure as failure:
        print(f"FAIL: {failure}", file=sys.stderr, flush=True)
    finally:
        if process.poll() is None or group_alive(process.pid):
            kill_group(process)
        if not ok:
            print(tail(args.work / "app.log", 40), file=sys.stderr)
            print(tail(data_dir / "devnet" / "anvil.log", 20), file=sys.stderr)
    log(f"{'passed' if ok else 'FAILED'} in {time.monotonic() - started:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
