"""Regex: a mix of everyday regular-expression work over generated text: parsing web-server
log lines with named groups, pulling e-mail addresses and URLs out of prose, tokenizing
source code with one alternation of named groups, substitution with a function (unit
conversion, camelCase to snake_case), splitting (sentences with a look-behind, loosely
delimited records) and case-insensitive searches.  The text comes from a seeded generator;
the check is a tuple of counts and sizes every step must reproduce."""

import random
import re

import pyperf

SEED = 2024
LOG_LINES = 4500
PARAGRAPHS = 300
CODE_LINES = 2200
RECORDS = 2200
# (log statistics, prose statistics, code statistics, record statistics), from CPython 3.13.
EXPECTED = (
    ([("200", 1681), ("301", 430), ("304", 426), ("404", 900), ("500", 401), ("503", 432)],
     96438127, 3444, 2972, 230),
    ([("braid.dev", 177), ("corp.example.co.uk", 166), ("example.com", 166),
      ("lists.python.test", 206), ("mail.example.org", 162)],
     215, 20816, 886, 161474, 1802, 2118, 508),
    ([("COMMENT", 375), ("ERROR", 343), ("NAME", 7630), ("NEWLINE", 2200), ("NUMBER", 2602),
      ("OP", 8848), ("SPACE", 11196), ("STRING", 726)],
     108397, 1450),
    (11000, 18),
)

LOG_LINE = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) \S+ (?P<user>\S+) \[(?P<when>[^\]]+)\] '
    r'"(?P<method>[A-Z]+) (?P<path>[^ "?]+)(?:\?(?P<query>[^ "]*))? HTTP/(?P<version>[\d.]+)" '
    r'(?P<status>\d{3}) (?P<size>\d+|-)(?: "(?P<referrer>[^"]*)" "(?P<agent>[^"]*)")?$')
EMAIL = re.compile(r"\b[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})\b")
URL = re.compile(r"\bhttps?://(?P<host>[\w.-]+)(?::(?P<port>\d+))?(?P<path>/[^\s\"<>)]*)?")
TOKEN = re.compile(r"""
    (?P<COMMENT>\#[^\n]*)
  | (?P<STRING>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<NUMBER>\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+|0[xX][0-9a-fA-F]+|\d+)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>\*\*=?|//=?|==|!=|<=|>=|->|[-+*/%<>=()\[\]{}:,.])
  | (?P<NEWLINE>\n)
  | (?P<SPACE>[ \t]+)
  | (?P<ERROR>.)
""", re.VERBOSE)
QUANTITY = re.compile(r"\b(\d+(?:\.\d+)?)\s?(kg|g|lb|oz)\b")
CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])([A-Z])")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
FIELD_SEPARATOR = re.compile(r"\s*[,;|]\s*")
SEVERITY = re.compile(r"\b(error|warn(?:ing)?|fatal)\b", re.IGNORECASE)
KEYWORD = re.compile(r"\b(?:def|class|return|lambda)\b")

WORDS = ("the of and to in is was for on that with as by at from this data system value "
         "server request cache user network memory thread lock queue parser token result "
         "error warning fatal retry timeout buffer packet stream").split()
NAMES = "alice bob carol dave erin frank grace heidi ivan judy mallory oscar".split()
DOMAINS = ("example.com", "mail.example.org", "lists.python.test", "corp.example.co.uk",
           "braid.dev")
PATHS = ("/", "/index.html", "/api/v1/items", "/api/v1/users", "/static/app.js",
         "/static/style.css", "/search", "/login", "/docs/tutorial/regex.html")
METHODS = ("GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD")
STATUSES = (200, 200, 200, 200, 301, 304, 404, 404, 500, 503)
AGENTS = ("Mozilla/5.0 (X11; Linux x86_64)", "curl/8.4.0", "python-requests/2.31",
          "Googlebot/2.1 (+http://www.google.com/bot.html)")
UNITS = ("kg", "g", "lb", "oz")
IDENTIFIERS = ("itemCount", "parseHeader", "maxRetryDelay", "userName", "buffer", "x",
               "totalBytesRead", "queue", "isReady", "httpStatusCode")


def make_log(rng):
    lines = []
    for n in range(LOG_LINES):
        ip = ".".join(str(rng.randrange(256)) for _ in range(4))
        user = rng.choice(NAMES) if rng.random() < 0.3 else "-"
        when = "%02d/Nov/2026:%02d:%02d:%02d +0000" % (rng.randrange(1, 29), rng.randrange(24),
                                                       rng.randrange(60), rng.randrange(60))
        path = rng.choice(PATHS)
        if rng.random() < 0.4:
            path += "?page=%d&sort=%s" % (rng.randrange(1, 50), rng.choice(("asc", "desc")))
        status = rng.choice(STATUSES)
        size = str(rng.randrange(100, 50000)) if status != 304 else "-"
        line = '%s - %s [%s] "%s %s HTTP/1.1" %d %s' % (ip, user, when, rng.choice(METHODS),
                                                         path, status, size)
        if rng.random() < 0.7:
            line += ' "https://%s/ref/%d" "%s"' % (rng.choice(DOMAINS), n, rng.choice(AGENTS))
        if rng.random() < 0.05:
            line = line.replace("HTTP/1.1", "HTTP/1.1 garbage")     # a malformed line
        lines.append(line)
    return lines


def make_sentence(rng):
    words = []
    for _ in range(rng.randrange(6, 18)):
        roll = rng.random()
        if roll < 0.04:
            words.append("%s.%s@%s" % (rng.choice(NAMES), rng.choice(NAMES), rng.choice(DOMAINS)))
        elif roll < 0.07:
            port = ":%d" % rng.randrange(1024, 9000) if rng.random() < 0.3 else ""
            words.append("https://%s%s/%s/%d" % (rng.choice(DOMAINS), port, rng.choice(WORDS),
                                                 rng.randrange(1000)))
        elif roll < 0.11:
            spacer = " " if rng.random() < 0.5 else ""
            words.append("%s%s%s" % (rng.randrange(1, 500), spacer, rng.choice(UNITS)))
        elif roll < 0.14:
            words.append(rng.choice(("ERROR", "Warning", "warn", "FATAL", "error")))
        else:
            words.append(rng.choice(WORDS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".!?.")


def make_prose(rng):
    paragraphs = []
    for _ in range(PARAGRAPHS):
        paragraphs.append(" ".join(make_sentence(rng) for _ in range(rng.randrange(4, 10))))
    return "\n\n".join(paragraphs)


def make_code(rng):
    lines = []
    for _ in range(CODE_LINES):
        name = rng.choice(IDENTIFIERS)
        other = rng.choice(IDENTIFIERS)
        kind = rng.randrange(6)
        if kind == 0:
            line = "def %s(%s, %s=%d):" % (name, other, rng.choice(IDENTIFIERS),
                                          rng.randrange(100))
        elif kind == 1:
            line = "    %s = %s * %s + 0x%X  # scale the %s" % (
                name, other, rng.random() * 100, rng.randrange(4096), rng.choice(WORDS))
        elif kind == 2:
            line = "    return %s(%r, \"%s\\n\") ** 2" % (other, rng.choice(WORDS),
                                                          rng.choice(WORDS))
        elif kind == 3:
            line = "    %s[%d:%d] //= %s.%s" % (name, rng.randrange(10), rng.randrange(10, 99),
                                               other, rng.choice(IDENTIFIERS))
        elif kind == 4:
            line = "class %s%d(%s):" % (name.capitalize(), rng.randrange(10), other)
        else:
            line = "    %s = lambda v: v != %s and v >= .5 $" % (name, other)
        lines.append(line)
    return "\n".join(lines) + "\n"


def make_records(rng):
    records = []
    for _ in range(RECORDS):
        fields = [rng.choice(NAMES), str(rng.randrange(10 ** 6)), rng.choice(WORDS),
                  "%.2f" % (rng.random() * 1000), rng.choice(DOMAINS)]
        separators = [rng.choice((",", ", ", " ; ", "|", " | ", ";")) for _ in fields[1:]]
        record = fields[0]
        for separator, field in zip(separators, fields[1:]):
            record += separator + field
        records.append(record)
    return records


def make_inputs(seed=SEED):
    rng = random.Random(seed)
    return make_log(rng), make_prose(rng), make_code(rng), make_records(rng)


GRAMS = {"kg": 1000.0, "g": 1.0, "lb": 453.59237, "oz": 28.349523125}


def to_grams(match):
    return "%dg" % round(float(match.group(1)) * GRAMS[match.group(2)])


def snake_hump(match):
    return "_" + match.group(1).lower()


def parse_log(lines):
    statuses = {}
    total_bytes = 0
    queries = 0
    referred = 0
    rejected = 0
    for line in lines:
        match = LOG_LINE.match(line)
        if match is None:
            rejected += 1
            continue
        status = match.group("status")
        statuses[status] = statuses.get(status, 0) + 1
        if match.group("size") != "-":
            total_bytes += int(match.group("size"))
        if match.group("query"):
            queries += len(match.group("query").split("&"))
        if match.group("referrer"):
            referred += 1
    return sorted(statuses.items()), total_bytes, queries, referred, rejected


def scan_prose(prose):
    domains = {}
    for domain in EMAIL.findall(prose):
        domains[domain] = domains.get(domain, 0) + 1
    hosts_with_port = 0
    url_chars = 0
    for match in URL.finditer(prose):
        if match.group("port"):
            hosts_with_port += 1
        url_chars += match.end() - match.start()
    converted, quantities = QUANTITY.subn(to_grams, prose)
    sentences = SENTENCE_END.split(prose)
    severe = len(SEVERITY.findall(prose))
    shouting = sum(1 for sentence in sentences if SEVERITY.search(sentence)
                   and re.search(r"\bfatal\b", sentence, re.IGNORECASE))
    return (sorted(domains.items()), hosts_with_port, url_chars, quantities, len(converted),
            len(sentences), severe, shouting)


def scan_code(code):
    kinds = {}
    for match in TOKEN.finditer(code):
        kind = match.lastgroup
        kinds[kind] = kinds.get(kind, 0) + 1
    snake = CAMEL_HUMP.sub(snake_hump, code)
    return sorted(kinds.items()), len(snake), len(KEYWORD.findall(snake))


def split_records(records):
    fields = 0
    widest = 0
    for record in records:
        parts = FIELD_SEPARATOR.split(record)
        fields += len(parts)
        widest = max(widest, max(len(part) for part in parts))
    return fields, widest


def run_once(inputs):
    lines, prose, code, records = inputs
    return parse_log(lines), scan_prose(prose), scan_code(code), split_records(records)


def bench(loops, inputs):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        result = run_once(inputs)
    elapsed = pyperf.perf_counter() - t0
    if result != EXPECTED:
        raise AssertionError("regex: result %r, expected %r" % (result, EXPECTED))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Realistic regular expressions over generated text"
    runner.bench_time_func("regex", bench, make_inputs())
