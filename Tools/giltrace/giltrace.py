"""Summarise a Braid GIL trace and draw its timeline.

    python Tools/giltrace/giltrace.py TRACE [--svg OUT.svg]

TRACE is the file written by `braid -X giltrace=TRACE` (or PYTHONGILTRACE=TRACE): one event per
line, "<ns> <thread id> <request|acquire|drop_request|release>", sorted by time.  The summary
gives, per thread, how long it held the GIL (total, count, mean and longest hold), how long it
waited between a request and the acquisition, and its share of the traced time; overall, the
number of switches (an acquisition by a different thread than the previous holder) and
switches per second.  The SVG has one row per thread with a bar for every hold, and ticks
for drop requests.  Runs on Braid and on CPython (only the standard library's basics).
"""

import sys


def parse(path):
    """Return the events as (t_ns, tid, kind) tuples, in time order."""
    events = []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            t, tid, kind = line.split()
            events.append((int(t), int(tid), kind))
    events.sort(key=lambda e: e[0])
    return events


class ThreadStats:
    def __init__(self, tid):
        self.tid = tid
        self.holds = []          # (start, end) ns
        self.waits = []          # ns between request and acquire
        self.drop_requests = []  # ns
        self._request = None
        self._acquired = None


def analyse(events):
    """Per-thread statistics and the global switch count."""
    threads = {}
    switches = 0
    last_holder = None
    holder = None
    overlaps = 0
    for t, tid, kind in events:
        st = threads.setdefault(tid, ThreadStats(tid))
        if kind == "request":
            st._request = t
        elif kind == "acquire":
            if holder is not None and holder != tid:
                overlaps += 1          # two holders at once: would be a GIL bug
            holder = tid
            if st._request is not None:
                st.waits.append(t - st._request)
                st._request = None
            st._acquired = t
            if last_holder is not None and last_holder != tid:
                switches += 1
            last_holder = tid
        elif kind == "release":
            if st._acquired is not None:
                st.holds.append((st._acquired, t))
                st._acquired = None
            if holder == tid:
                holder = None
        elif kind == "drop_request":
            st.drop_requests.append(t)
    end = events[-1][0] if events else 0
    for st in threads.values():          # still holding at exit
        if st._acquired is not None:
            st.holds.append((st._acquired, end))
    return threads, switches, overlaps


def summary_text(events):
    threads, switches, overlaps = analyse(events)
    if not events:
        return "empty trace"
    start, end = events[0][0], events[-1][0]
    span = max(end - start, 1)
    lines = ["GIL trace: %d events, %d threads, %.3f s" % (len(events), len(threads), span / 1e9),
             "switches: %d (%.1f per second)" % (switches, switches / (span / 1e9)),
             "%-10s %8s %10s %10s %10s %10s %7s" % ("thread", "holds", "held ms", "mean us",
                                                  "max ms", "wait ms", "share")]
    for tid, st in sorted(threads.items()):
        held = sum(b - a for a, b in st.holds)
        mean = held / len(st.holds) / 1e3 if st.holds else 0.0
        longest = max((b - a for a, b in st.holds), default=0)
        lines.append("%-10d %8d %10.2f %10.1f %10.2f %10.2f %6.1f%%" % (
            tid, len(st.holds), held / 1e6, mean, longest / 1e6, sum(st.waits) / 1e6,
            100.0 * held / span))
    if overlaps:
        lines.append("WARNING: %d acquisitions while another thread held the GIL" % overlaps)
    return "\n".join(lines)


def timeline_svg(events, width=900):
    """An SVG picture: one row per thread, a bar per hold, red ticks for drop requests."""
    threads, switches, _ = analyse(events)
    if not events:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n'
    start, end = events[0][0], events[-1][0]
    span = max(end - start, 1)
    left, row, top = 110, 34, 40
    height = top + row * len(threads) + 40
    colors = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf")
    plot = width - left - 20

    def x(t):
        return left + plot * (t - start) / span

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="22" font-size="14" font-weight="bold">GIL holder over time '
           '(%.3f s, %d switches)</text>' % (left, span / 1e9, switches)]
    for index, (tid, st) in enumerate(sorted(threads.items())):
        y = top + index * row
        color = colors[index % len(colors)]
        out.append('<text x="%d" y="%d" text-anchor="end">thread %d</text>'
                   % (left - 8, y + row / 2 + 4, tid))
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>'
                   % (left, y + row / 2, left + plot, y + row / 2))
        for a, b in st.holds:
            w = max(x(b) - x(a), 0.5)
            out.append('<rect x="%.2f" y="%d" width="%.2f" height="%d" fill="%s"/>'
                       % (x(a), y + 6, w, row - 12, color))
        for t in st.drop_requests:
            out.append('<line x1="%.2f" y1="%d" x2="%.2f" y2="%d" stroke="#d62728"/>'
                       % (x(t), y + 2, x(t), y + 8))
    axis_y = top + row * len(threads) + 14
    for k in range(6):
        t = start + span * k / 5
        out.append('<text x="%.1f" y="%d" text-anchor="middle" font-size="10">%.0f ms</text>'
                   % (x(t), axis_y, (t - start) / 1e6))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    events = parse(argv[0])
    print(summary_text(events))
    if len(argv) >= 3 and argv[1] == "--svg":
        with open(argv[2], "w") as f:
            f.write(timeline_svg(events))
        print("timeline written to %s" % argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
