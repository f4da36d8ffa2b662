#!/usr/bin/env python3
"""Start order figures for DESIGN.md §4 (issue 11), with the packaged hum (target/hum.jar).

  python3 bench/e2e/orchestration.py            # both measurements, about 2 minutes

1. latency: a dependency's readiness to its dependent's start. db listens after a varied delay and
   prints time.time_ns() right after listen(); api prints `date +%s%N` as its first act. The figure is
   api's stamp minus db's, end to end (probe interval, decision, fork+setsid+sh). Target: <= interval + 50 ms.
2. idle CPU: 50 processes in a dependency chain, each with a tcp probe (all answered by one listener
   outside hum), against the same 50 without probes or dependencies, in the same run: hum's utime+stime
   over 20 s after everything is up.
"""
import os, socket, subprocess, sys, tempfile, threading, time

JAR = os.path.abspath("target/hum.jar")
TICK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hum(folder, *args):
    return subprocess.Popen(["java", "-jar", JAR, "--headless", *args], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "NO_COLOR": "1"})


def latency(rounds=10, interval_ms=500):
    out = []
    for i in range(rounds):
        port = free_port()
        delay = 0.3 + 0.137 * i  # spreads the listen moment over the probe's phase
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "hum.yaml"), "w") as f:
                f.write(f"""processes:
  db:
    cmd: [python3, -u, -c, "import socket, time; time.sleep({delay}); s = socket.create_server(('127.0.0.1', {port})); print('listen', time.time_ns()); time.sleep(60)"]
    ready: {{ tcp: {port}, interval: {interval_ms}ms }}
  api:
    cmd: echo start $(date +%s%N); exec sleep 60
    depends_on: [db]
""")
            p = hum(d)
            stamps = {}
            for line in p.stdout:
                name, _, text = line.partition("|")
                text = text.strip()
                if text.startswith("listen "):
                    stamps["listen"] = int(text.split()[1])
                if text.startswith("start ") and text.split()[1].isdigit():
                    stamps["start"] = int(text.split()[1])
                if len(stamps) == 2:
                    break
            p.terminate()
            p.wait()
            out.append((stamps["start"] - stamps["listen"]) / 1e6)
    return out


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def idle_cpu(with_probes, n=50, settle=10, window=20):
    port = free_port()
    server = socket.create_server(("127.0.0.1", port))
    server.listen(512)
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                c, _ = server.accept()
                c.close()
            except OSError:
                pass
    t = threading.Thread(target=accept, daemon=True)
    t.start()
    with tempfile.TemporaryDirectory() as d:
        lines = ["processes:"]
        for i in range(n):
            lines.append(f"  p{i}:\n    cmd: exec sleep 600")
            if with_probes:
                lines.append(f"    ready: {{ tcp: {port} }}")
                if i > 0:
                    lines.append(f"    depends_on: [p{i - 1}]")
        with open(os.path.join(d, "hum.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")
        p = hum(d)
        ready = 0
        last_started = False
        want = n if with_probes else 0
        for line in p.stdout:
            if "hum: ready (" in line:
                ready += 1
            if "hum: start #1" in line and line.startswith(f"p{n - 1} "):
                last_started = True
            if last_started and ready >= want:
                break
        threading.Thread(target=lambda: p.stdout.read(), daemon=True).start()
        time.sleep(settle)
        before = cpu_seconds(p.pid)
        time.sleep(window)
        used = cpu_seconds(p.pid) - before
        p.terminate()
        p.wait()
    stop.set()
    server.close()
    return 100.0 * used / window


if __name__ == "__main__":
    lat = sorted(latency())
    print("readiness -> dependent start (ms, interval 500ms):", " ".join(f"{x:.0f}" for x in lat))
    print(f"  max {max(lat):.0f} ms, median {lat[len(lat) // 2]:.0f} ms (target <= 550 ms)")
    plain = idle_cpu(False)
    probed = idle_cpu(True)
    print(f"idle CPU, 50 processes: without probes {plain:.2f} %, chain with tcp probes {probed:.2f} % of a core")
