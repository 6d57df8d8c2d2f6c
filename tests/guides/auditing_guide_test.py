#!/usr/bin/env python3
"""docs/auditing.md works step by step, as printed, against a real log.

Sets up what a delegation receives from the log's operator: a store (`canje demo`), a
negotiator of VEN with an API token, `canje serve` on loopback, and a witness made and run with
the commands of the guide's section 6 (`canje witness init`, `canje witness serve`), registered
by the operator (`canje witness add`). Then runs the ```sh blocks of sections 0 to 4, in order,
as one bash script with `set -e -o pipefail` in an empty folder, after replacing only the
reader's own values, each of which must stand exactly once in the guide:

- the example verifier keys (`VKEY='…'`, `WKEY='…'`), the `PREFIX=` URL, the token in `AUTH=(…)`
  and the word TOKEN, by this log's;
- the client's source path, by its path in this source tree;
- `# ... later ...`, by a change to the store (the log grows);
- the entry looked at by hand, `I=1000`, by an entry of this small log's last, partial tile.

Checks what the guide says the reader sees: the log's signature and the witness's cosignature
verified by OpenSSL, every entry included and the growth consistent (Go's sumdb packages), and
the leaf hash read from the tile equal to the one computed from `canje log entry`. Then checks
that the same step 2 refuses a checkpoint whose size was altered, so a passing run means
something.

Needs curl, openssl, Go with golang.org/x/mod (scripts/packages.txt).
Usage: auditing_guide_test.py CANJE SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def sh_blocks(markdown):
    """The ```sh blocks of each '## N.' section: {N: [block, ...]}."""
    sections, number, inside, block = {}, None, False, []
    for line in markdown.splitlines():
        heading = re.match(r"## (\d+)\. ", line)
        if heading and not inside:
            number = int(heading.group(1))
        elif line.strip() == "```sh" and not inside:
            inside, block = True, []
        elif line.strip() == "```" and inside:
            inside = False
            sections.setdefault(number, []).append(textwrap.dedent("\n".join(block)))
        elif inside:
            block.append(line)
    return sections


def replace_once(text, pattern, replacement, what):
    new_text, count = re.subn(pattern, lambda _: replacement, text, flags=re.MULTILINE)
    if count != 1:
        fail("the guide should hold %s exactly once; found %d" % (what, count))
    return new_text


def start(command, folder, environment):
    """Starts a server that prints 'listening on http://HOST:PORT' first; returns (process, url)."""
    process = subprocess.Popen(command, cwd=folder, env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    first = process.stdout.readline()
    match = re.match(r"listening on (http://[0-9.]+:\d+)", first)
    if not match:
        process.kill()
        fail("%s did not say where it listens: %r" % (command[1:3], first))
    return process, match.group(1)


def run(command, folder, environment):
    result = subprocess.run(command, cwd=folder, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        fail("%s exited %d: %s" % (" ".join(command[:4]), result.returncode, result.stderr))
    return result.stdout


def main():
    canje, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    guide = open(os.path.join(source, "docs", "auditing.md"), encoding="utf-8").read()
    blocks = sh_blocks(guide)
    operator = tempfile.mkdtemp(prefix="canje-operator-")
    reader = tempfile.mkdtemp(prefix="canje-auditor-")
    environment = dict(os.environ,
                       PATH=os.path.dirname(canje) + os.pathsep + os.environ["PATH"],
                       CANJE_DB=os.path.join(operator, "store.db"),
                       CANJE_MASTER_KEY_FILE=os.path.join(operator, "master.key"))
    servers = []
    try:
        # What the operator does and gives the delegation.
        run([canje, "demo"], operator, environment)
        run([canje, "user", "add", "ven-auditor", "--party", "VEN", "--role", "negotiator"],
            operator, environment)
        token = run([canje, "user", "token", "create", "ven-auditor"], operator,
                    environment).splitlines()[0]
        vkey = run([canje, "log", "vkey"], operator, environment).strip()
        server, url = start([canje, "serve", "--listen", "127.0.0.1:0"], operator, environment)
        servers.append(server)

        # Section 6, as printed: the delegation's own witness.
        witness_block = blocks.get(6, [""])[0]
        init_line = next((l for l in witness_block.splitlines()
                          if l.startswith("canje witness init ")), None)
        serve_line = next((l for l in witness_block.splitlines()
                           if l.startswith("canje witness serve ")), None)
        if not init_line or not serve_line:
            fail("section 6 should show `canje witness init` and `canje witness serve`")
        witness_environment = dict(environment, VKEY=vkey)
        init = subprocess.run(["bash", "-c", init_line], cwd=reader, env=witness_environment,
                              capture_output=True, text=True)
        if init.returncode != 0:
            fail("section 6's `%s` exited %d: %s" % (init_line, init.returncode, init.stderr))
        wkey = init.stdout.strip().splitlines()[0]
        serve_words = re.sub(r"\s+#.*$", "", serve_line).replace("127.0.0.1:8421", "127.0.0.1:0")
        witness, witness_url = start(["bash", "-c", "exec " + serve_words], reader,
                                     witness_environment)
        servers.append(witness)
        run([canje, "witness", "add", wkey, witness_url, "--party", "VEN"], operator, environment)
        # A change after the registration, so that `canje serve` sends the witness a checkpoint;
        # wait for its cosignature (the guide: "a few hundred milliseconds after each change").
        run([canje, "user", "add", "ven-clerk", "--party", "VEN", "--role", "observer"],
            operator, environment)
        witness_name = wkey.split("+")[0]
        checkpoint = ""
        for _ in range(100):
            checkpoint = subprocess.run(
                ["curl", "-fsS", "-H", "Authorization: Bearer " + token, url + "/log/checkpoint"],
                capture_output=True, text=True).stdout
            if "— " + witness_name + " " in checkpoint:
                break
            time.sleep(0.1)
        else:
            fail("the witness never cosigned: " + checkpoint)
        size = int(checkpoint.splitlines()[1])
        entry = size - 2  # in the last tile, a partial one (the log is far below 256 entries)
        if size >= 256:
            fail("the demo's log should be smaller than one tile (%d entries)" % size)

        # Sections 0 to 4, as printed, with the reader's own values.
        script = "\n".join(block for number in range(0, 5) for block in blocks.get(number, []))
        script = replace_once(script, r"^VKEY='[^']*'", "VKEY='%s'" % vkey, "an example VKEY=")
        script = replace_once(script, r"^WKEY='[^']*'", "WKEY='%s'" % wkey, "an example WKEY=")
        script = replace_once(script, r"^PREFIX=\S+", "PREFIX=%s/log" % url, "PREFIX=")
        script = replace_once(script, r"Bearer canje_\.\.\.", "Bearer " + token,
                              "the example token in AUTH=")
        script = replace_once(script, r"tests/go/tilelog/main\.go",
                              os.path.join(source, "tests", "go", "tilelog", "main.go"),
                              "the client's source path")
        script = replace_once(script, r"^# \.\.\. later \.\.\.$",
                              "canje user add ven-later --party VEN --role observer >/dev/null",
                              "'# ... later ...'")
        script = replace_once(script, r"^I=1000\b", "I=%d" % entry, "I=1000")
        runs = script.count('./tilelog "$PREFIX" log.vkey TOKEN')
        if runs != 2:
            fail("the guide should run ./tilelog with TOKEN twice (found %d)" % runs)
        script = script.replace('./tilelog "$PREFIX" log.vkey TOKEN',
                                './tilelog "$PREFIX" log.vkey ' + token)
        run_environment = dict(environment, GOCACHE=os.path.join(reader, "go-cache"))
        result = subprocess.run(["bash", "-c", "set -e -o pipefail\n" + script], cwd=reader,
                                env=run_environment, capture_output=True, text=True)
        output = result.stdout + result.stderr
        if result.returncode != 0:
            fail("sections 0-4 as printed exited %d:\n%s" % (result.returncode, output))

        verified = output.count("Signature Verified Successfully")
        if verified != 2:
            fail("OpenSSL should verify the log's signature and the witness's cosignature "
                 "(saw %d):\n%s" % (verified, output))
        print("ok: the log's signature and the witness's cosignature verified with OpenSSL")
        included = re.findall(r"^ok: (\d+) entries included in the tree of size (\d+)(.*)$",
                              output, re.MULTILINE)
        if len(included) != 2 or any(a != b for a, b, _ in included):
            fail("the client should include every entry twice:\n" + output)
        if "consistent with the tree of size %s" % included[0][1] not in included[1][2]:
            fail("the second run should prove the growth from the kept checkpoint:\n" + output)
        print("ok: every entry included, and the growth from %s to %s entries proved"
              % (included[0][1], included[1][1]))
        hashes = re.findall(r"^([0-9a-f]{64})\b", output, re.MULTILINE)
        if len(hashes) < 2 or hashes[-1] != hashes[-2]:
            fail("entry %d's hash from the tile and from `canje log entry` should agree:\n%s"
                 % (entry, output))
        print("ok: entry %d's leaf hash read from the partial tile is the entry's" % entry)

        # The same step 2 on an altered checkpoint must refuse it.
        step2 = "\n".join(blocks[2])
        with open(os.path.join(reader, "checkpoint"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        lines[1] = str(int(lines[1]) + 1)
        with open(os.path.join(reader, "checkpoint"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        altered = subprocess.run(["bash", "-c", "set -e -o pipefail\n" + step2], cwd=reader,
                                 env=run_environment, capture_output=True, text=True)
        if altered.returncode == 0 or "Verified Successfully" in altered.stdout:
            fail("step 2 accepted a checkpoint whose size was altered:\n" + altered.stdout)
        print("ok: step 2 refuses a checkpoint whose size was altered")
    finally:
        for process in servers:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        subprocess.run(["rm", "-rf", operator, reader])
    print("PASSED: docs/auditing.md, sections 0 to 4 and 6, as printed")


if __name__ == "__main__":
    main()
