"""Text: word statistics over generated prose — splitting, case folding, dict counting,
sorting by frequency, string formatting and joining (dict- and str-heavy)."""

import pyperf

WORDS = ("the quick brown fox jumps over lazy dog while a curious cat watches from "
         "behind green garden wall and birds sing songs about summer rain").split()


def make_text(lines):
    out = []
    state = 12345
    for _ in range(lines):
        words = []
        for _ in range(12):
            state = (state * 1103515245 + 12345) % 2 ** 31
            word = WORDS[state % len(WORDS)]
            words.append(word.capitalize() if state % 7 == 0 else word)
        out.append(" ".join(words) + ("." if state % 3 else ","))
    return "\n".join(out)


def analyse(text):
    counts = {}
    lengths = {}
    for line in text.splitlines():
        for raw in line.split():
            word = raw.strip(".,").lower()
            counts[word] = counts.get(word, 0) + 1
            lengths.setdefault(len(word), set()).add(word)
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    report = "\n".join("%-10s %5d" % pair for pair in ranked[:10])
    longest = max(lengths)
    return counts, report, sorted(lengths[longest])


def bench(loops, lines):
    # The expected ranking below is for lines == 2000.
    text = make_text(lines)
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        counts, report, longest = analyse(text)
    elapsed = pyperf.perf_counter() - t0
    if sum(counts.values()) != 12 * lines or set(counts) != set(WORDS):
        raise AssertionError("text: counted %d words" % sum(counts.values()))
    if longest != ["curious", "watches"]:
        raise AssertionError("text: longest words %r" % longest)
    lines_out = report.splitlines()
    if lines_out[:1] + lines_out[9:] != ["from        1036", "watches      975"]:
        raise AssertionError("text: report %r" % report)
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Word statistics over generated text"
    runner.bench_time_func("text", bench, 2000)
