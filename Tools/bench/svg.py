"""Minimal SVG drawing for the benchmark report (no plotting dependency): a horizontal bar
chart of ratios around 1.0 and line charts of speed-up against thread count."""

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def _escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _document(width, height, body):
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
            'viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">\n'
            '<rect width="100%%" height="100%%" fill="white"/>\n%s</svg>\n'
            % (width, height, width, height, "\n".join(body)))


def _text(x, y, text, anchor="start", size=12, weight="normal"):
    return ('<text x="%.1f" y="%.1f" text-anchor="%s" font-size="%d" font-weight="%s">%s'
            '</text>' % (x, y, anchor, size, weight, _escape(text)))


def _line(x1, y1, x2, y2, color="#888", width=1, dash=None):
    extra = ' stroke-dasharray="%s"' % dash if dash else ""
    return ('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%s"%s/>'
            % (x1, y1, x2, y2, color, width, extra))


def bar_chart(title, items):
    """items: [(label, ratio)].  Bars grow right of 1.0 (slower) or left (faster), on a
    log scale so that 2x slower and 2x faster have the same length."""
    import math
    row, label_w, plot_w, top = 22, 150, 420, 40
    height = top + row * max(1, len(items)) + 40
    width = label_w + plot_w + 80
    logs = [abs(math.log(r)) for _, r in items if r > 0] or [math.log(2)]
    span = max(max(logs), math.log(1.25)) * 1.1
    center = label_w + plot_w / 2

    def x_of(ratio):
        return center + (plot_w / 2) * math.log(ratio) / span

    body = [_text(width / 2, 22, title, "middle", 14, "bold")]
    for tick in (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0):
        if abs(math.log(tick)) <= span:
            x = x_of(tick)
            body.append(_line(x, top - 6, x, height - 34, "#ddd" if tick != 1.0 else "#444",
                              1, None if tick == 1.0 else "3,3"))
            body.append(_text(x, height - 20, "%gx" % tick, "middle", 10))
    for index, (label, ratio) in enumerate(items):
        y = top + index * row
        x = x_of(ratio)
        color = PALETTE[1] if ratio > 1 else PALETTE[2]
        body.append(_text(label_w - 8, y + 14, label, "end"))
        body.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%d" fill="%s"/>'
                    % (min(x, center), y + 3, abs(x - center), row - 6, color))
        body.append(_text(max(x, center) + 4, y + 14, "%.2f" % ratio, "start", 10))
    return _document(width, height, body)


def scaling_curves(title, curves, thread_counts):
    """curves: {workload: {python: [(threads, speedup)]}}; one small panel per workload,
    with the ideal (linear) speed-up dashed."""
    panel_w, panel_h, columns = 230, 170, 4
    names = list(curves)
    rows = max(1, (len(names) + columns - 1) // columns)
    pythons = []
    for per_py in curves.values():
        for py in per_py:
            if py not in pythons:
                pythons.append(py)
    width = panel_w * columns + 20
    height = 60 + rows * panel_h + 20
    max_threads = max(thread_counts)
    body = [_text(width / 2, 22, title, "middle", 14, "bold")]
    for i, py in enumerate(pythons):
        x = 20 + i * 110
        body.append(_line(x, 40, x + 24, 40, PALETTE[i % len(PALETTE)], 3))
        body.append(_text(x + 30, 44, py))
    for index, name in enumerate(names):
        ox = 10 + (index % columns) * panel_w + 35
        oy = 60 + (index // columns) * panel_h
        w, h = panel_w - 55, panel_h - 50
        top_speed = max([max_threads] + [s for curve in curves[name].values() for _, s in curve])

        def point(threads, speed):
            return (ox + w * (threads - 1) / max(1, max_threads - 1),
                    oy + 20 + h - h * speed / top_speed)

        body.append(_text(ox + w / 2, oy + 12, name, "middle", 11, "bold"))
        body.append(_line(ox, oy + 20 + h, ox + w, oy + 20 + h, "#444"))
        body.append(_line(ox, oy + 20, ox, oy + 20 + h, "#444"))
        for n in thread_counts:
            x, _ = point(n, 0)
            body.append(_text(x, oy + 34 + h, str(n), "middle", 9))
        for tick in range(0, int(top_speed) + 1, max(1, int(top_speed) // 4)):
            _, y = point(1, tick)
            body.append(_text(ox - 4, y + 3, str(tick), "end", 9))
        x1, y1 = point(1, 1)
        x2, y2 = point(max_threads, max_threads)
        body.append(_line(x1, y1, x2, y2, "#bbb", 1, "4,3"))
        for i, py in enumerate(pythons):
            curve = curves[name].get(py) or []
            if len(curve) < 1:
                continue
            color = PALETTE[i % len(PALETTE)]
            points = " ".join("%.1f,%.1f" % point(n, s) for n, s in curve)
            body.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>'
                        % (points, color))
            for n, s in curve:
                x, y = point(n, s)
                body.append('<circle cx="%.1f" cy="%.1f" r="2.5" fill="%s"/>' % (x, y, color))
    return _document(width, height, body)
