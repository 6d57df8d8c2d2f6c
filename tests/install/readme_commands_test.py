#!/usr/bin/env python3
"""The `canje ...` commands that README.md prints work as printed.

Reads the README's ```sh blocks and joins continued lines. For every command line, checks
against the binary's own `--help` that each word naming a command is one (of the command before
it) and each option is accepted there (the command's own, or a global one). The block marked
with the comment "<!-- run as printed" is then run, line by line and in order, with bash in an
empty folder, the binary's folder on PATH: each line must succeed (`canje serve` must answer
/healthz and stop on Ctrl-C). The other blocks are outlines whose ids and files stand for the
reader's own: only their commands and options are checked. Last, runs `canje demo` in a fresh
folder, the command its last line suggests, exactly as printed, and the commands it names in
parentheses on its store, as it says.

Usage: readme_commands_test.py CANJE README.md
"""
import http.client
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile

GLOBAL_WITH_VALUE = {"--db", "--master-key", "--as"}


class Tally:
    """Counts the checks and prints each: "ok: WHAT" or "FAILED: WHAT: PROBLEM"."""

    def __init__(self):
        self.passed = self.failed = 0

    def record(self, what, problem=None):
        if problem:
            print("FAILED: %s: %s" % (what, problem))
            self.failed += 1
        else:
            print("ok: " + what)
            self.passed += 1


def help_text(canje, path):
    result = subprocess.run([canje, *path, "--help"], capture_output=True, text=True)
    if result.returncode != 0:
        return None
    return result.stdout


def subcommands(text):
    names, inside = set(), False
    for line in text.splitlines():
        if line.startswith("Subcommands:"):
            inside = True
        elif inside and re.match(r"^  \S", line):
            names.add(line.split()[0])
        elif inside and line and not line.startswith(" "):
            inside = False
    return names


def options(text):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", text))


def commands(readme):
    """The command lines of the sh blocks: (line number, text, words, in a run-as-printed block)."""
    found, in_block, pending, start, marked, runnable = [], False, "", 0, False, False
    for number, line in enumerate(open(readme, encoding="utf-8"), 1):
        if line.startswith("<!-- run as printed"):
            marked = True
            continue
        if line.startswith("```"):
            in_block = line.strip() == "```sh"
            runnable, marked = in_block and marked, False
            continue
        if not in_block:
            continue
        text = line.rstrip("\n")
        if pending:
            text = pending + " " + text.strip()
        else:
            start = number
        if text.endswith("\\"):
            pending = text[:-1]
            continue
        pending = ""
        words = shlex.split(text, comments=True)
        if words and words[0] == "canje":
            found.append((start, text, words[1:], runnable))
    return found


def tour_environment(canje):
    """The environment of a reader who put the binary's folder on PATH, with no canje settings."""
    environment = dict(os.environ, PATH=os.path.dirname(os.path.abspath(canje)) + os.pathsep +
                       os.environ.get("PATH", ""))
    for name in ("CANJE_DB", "CANJE_USER", "CANJE_MASTER_KEY_FILE", "CANJE_PASSPHRASE"):
        environment.pop(name, None)
    return environment


def run_serve(text, folder, environment):
    """Runs a `canje serve` line; None when it answered /healthz and stopped on Ctrl-C.

    The port is replaced by 0 (the system picks a free one): another program on this machine
    may hold the printed one."""
    text = re.sub(r"(--listen \S+):\d+", r"\1:0", text)
    server = subprocess.Popen(["bash", "-c", "exec " + text], cwd=folder, env=environment,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline()
        match = re.match(r"listening on http://([0-9.]+):(\d+)", first)
        if not match:
            return "it did not start: %r" % first
        connection = http.client.HTTPConnection(match.group(1), int(match.group(2)), timeout=10)
        connection.request("GET", "/healthz")
        status = connection.getresponse().status
        connection.close()
        if status != 200:
            return "/healthz answered %d" % status
        server.send_signal(signal.SIGINT)
        code = server.wait(timeout=30)
        return None if code == 0 else "exit %d after Ctrl-C" % code
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def run_tour(canje, lines, tally):
    """Runs the run-as-printed lines in order in an empty folder."""
    with tempfile.TemporaryDirectory() as folder:
        environment = tour_environment(canje)
        # The answer a reader types when `canje key backup` asks for a passphrase.
        environment["CANJE_PASSPHRASE"] = "a passphrase for the README test"
        for number, text, words, _ in lines:
            label = "README.md:%d runs as printed: %s" % (number, text.split("#")[0].strip())
            if words[:1] == ["serve"]:
                problem = run_serve(text, folder, environment)
            else:
                result = subprocess.run(["bash", "-c", text], cwd=folder, env=environment,
                                        stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                        timeout=600)
                problem = None if result.returncode == 0 else "exit %d: %s" % (
                    result.returncode, result.stderr.strip()[:500])
            tally.record(label, problem)


def check(canje, words):
    """A message for the first word that is not a command or option where it stands."""
    root = help_text(canje, [])
    path, text = [], root
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("--"):
            name = word.split("=", 1)[0]
            if name not in options(text) and name not in options(root):
                return "%s is not an option of canje %s" % (name, " ".join(path))
            if name in GLOBAL_WITH_VALUE and "=" not in word:
                i += 1
        elif word in subcommands(text):
            path.append(word)
            text = help_text(canje, path)
            if text is None:
                return "canje %s --help fails" % " ".join(path)
        elif not path:
            return "%s is not a command of canje" % word
        i += 1
    return None


def main():
    canje, readme = sys.argv[1], sys.argv[2]
    tally = Tally()
    found = commands(readme)
    for number, _, words, _ in found:
        tally.record("README.md:%d: canje %s" % (number, " ".join(words)), check(canje, words))
    if len(found) < 20:
        tally.record("README.md's sh blocks", "only %d commands found" % len(found))

    tour = [entry for entry in found if entry[3]]
    if len(tour) < 20:
        tally.record("README.md's run-as-printed block", "only %d commands" % len(tour))
    run_tour(canje, tour, tally)

    # The demo's last line, run as printed.
    with tempfile.TemporaryDirectory() as folder:
        environment = tour_environment(canje)
        demo = subprocess.run(["canje", "demo", "--db", "demo/canje.db"], cwd=folder,
                              env=environment, capture_output=True, text=True)
        last = demo.stdout.strip().splitlines()[-1] if demo.stdout.strip() else ""
        suggested = last[len("Try: "):] if last.startswith("Try: ") else ""
        tried = subprocess.run(shlex.split(suggested), cwd=folder, env=environment,
                               capture_output=True, text=True) if suggested else None
        ran = demo.returncode == 0 and tried is not None and tried.returncode == 0 and tried.stdout
        tally.record("the demo's last line runs as printed: %r" % last, None if ran else
                     "demo exit %d%s" % (demo.returncode, "" if tried is None else
                                         ", its command's exit %d: %s" %
                                         (tried.returncode, tried.stderr.strip())))
        # The commands the demo names in parentheses, on its store as it says (CANJE_DB).
        named = sorted(set(re.findall(r"\((canje [a-z][a-z ]*)\)", demo.stdout)))
        if "export CANJE_DB=demo/canje.db" not in demo.stdout or not named:
            tally.record("the demo's output",
                         "it names no command, or not how to point them at its store")
        environment["CANJE_DB"] = "demo/canje.db"
        for command in named:
            result = subprocess.run(shlex.split(command), cwd=folder, env=environment,
                                    capture_output=True, text=True)
            tally.record("the demo's %r runs after export CANJE_DB=demo/canje.db" % command,
                         None if result.returncode == 0 and result.stdout else
                         "exit %d: %s" % (result.returncode, result.stderr.strip()))
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
