#!/usr/bin/env python3
"""Runs notebooks in dotnet-interactive 1.0.712001 — the engine behind VS Code's Polyglot Notebooks —
through its `stdio` protocol: every C# cell is sent as a SubmitCode command, in order, and the run
stops at the first CommandFailed. What it cannot check is VS Code's own webview drawing the HTML.

    python3 notebooks/run-with-dotnet-interactive.py [NOTEBOOK.dib ...]   (default: notebooks/[0-9]*.dib)

Quick mode unless DSSM_NOTEBOOK_QUICK is set; notebooks/ is the working directory, as in VS Code.
Needs `dotnet tool restore` (the tool is pinned in .config/dotnet-tools.json) and notebooks/pack.sh.
"""
import glob, json, os, re, signal, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
notebooks = sys.argv[1:] or sorted(glob.glob(os.path.join(root, "notebooks", "[0-9]*.dib")))
os.environ.setdefault("DSSM_NOTEBOOK_QUICK", "1")


def code_cells(path):
    parts = re.split(r"^#!(\w+)\s*$", open(path, encoding="utf-8").read(), flags=re.M)
    return [parts[i + 1].strip() for i in range(1, len(parts), 2) if parts[i] in ("csharp", "c#", "C#")]


def stop(engine):
    """Ends the engine's whole process group: `dotnet tool run` starts the engine
    (Microsoft.DotNet.Interactive.App.dll) as a child of its own, which killing `dotnet tool run` alone would orphan."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(engine.pid, sig)
        except ProcessLookupError:
            return
        try:
            engine.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        try:
            os.killpg(engine.pid, 0)   # the tool runner has exited; is anything of its group left?
        except ProcessLookupError:
            return


def run(path):
    # A process group of its own (start_new_session), so that stop() can end the engine with its launcher.
    engine = subprocess.Popen(
        ["dotnet", "tool", "run", "dotnet-interactive", "--", "stdio", "--working-dir", os.path.join(root, "notebooks"), "--default-kernel", "csharp"],
        cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", bufsize=1,
        start_new_session=True)
    try:
        for number, code in enumerate(code_cells(path), 1):
            token = f"cell-{number}"
            engine.stdin.write(json.dumps({"commandType": "SubmitCode", "token": token,
                                           "command": {"code": code, "targetKernelName": "csharp"}}) + "\n")
            engine.stdin.flush()
            start = time.time()
            while True:
                line = engine.stdout.readline()
                if not line:
                    print(f"FAILED: {path}, code cell {number}: the engine exited", file=sys.stderr)
                    return False
                try:
                    envelope = json.loads(line)
                except ValueError:
                    continue
                if (envelope.get("command") or {}).get("token") != token:
                    continue
                kind, event = envelope.get("eventType"), envelope.get("event") or {}
                if kind == "CommandFailed":
                    print(f"FAILED: {path}, code cell {number}: {event.get('message')}", file=sys.stderr)
                    return False
                if kind in ("DisplayedValueProduced", "ReturnValueProduced"):
                    mimes = [v["mimeType"] for v in event.get("formattedValues", [])]
                    print(f"  code cell {number}: {kind} {', '.join(mimes)}")
                if kind == "CommandSucceeded":
                    print(f"  code cell {number} ok ({time.time() - start:.1f} s)")
                    break
        return True
    finally:
        stop(engine)


for notebook in notebooks:
    started = time.time()
    if not run(notebook):
        sys.exit(1)
    print(f"ok: {notebook} under dotnet-interactive in {time.time() - started:.0f} s")
