"""Hexiom: a solver for Hexiom puzzles.  A hexagonal board holds numbered hexagonal tiles;
the puzzle is solved when every tile shows the number of tiles next to it.  Some tiles are
locked in place, the others may go to any free cell.  The solver keeps, for every cell, the
set of values it may still take (a tile 0-6, or no tile) as a bit mask and narrows them by
constraint propagation (a tile's number bounds how many neighbours are occupied, and the
number of tiles of each value is fixed), then searches: it branches on the undecided cell
with the fewest possibilities and propagates again.  It enumerates every solution of a few
fixed levels and checks the solutions and the size of the search."""

import pyperf

EMPTY = 7                       # the value of a cell without a tile
EMPTY_BIT = 1 << EMPTY
TILE_BITS = EMPTY_BIT - 1
POPCOUNT = [bin(mask).count("1") for mask in range(256)]
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))


class Hexagon:
    """The cells of a hexagonal board of the given side, in reading order (row by row, left
    to right), with axial coordinates (q, r) and each cell's neighbour indices."""

    def __init__(self, side):
        span = range(-(side - 1), side)
        self.cells = [(q, r) for r in span for q in span if abs(q + r) < side]
        index = {cell: i for i, cell in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            self.neighbours.append([index[(q + dq, r + dr)] for dq, dr in DIRECTIONS
                                    if (q + dq, r + dr) in index])


class Puzzle:
    """A level: tokens in reading order, "." for a free cell, a digit for a movable tile
    (its starting cell does not matter) and a digit followed by "!" for a locked tile."""

    def __init__(self, side, text):
        self.hexagon = Hexagon(side)
        tokens = text.split()
        if len(tokens) != len(self.hexagon.cells):
            raise ValueError("a side-%d level has %d cells, not %d"
                             % (side, len(self.hexagon.cells), len(tokens)))
        self.counts = [0] * 8
        self.locked = {}
        for cell, token in enumerate(tokens):
            if token == ".":
                continue
            value = int(token[0])
            self.counts[value] += 1
            if token.endswith("!"):
                self.locked[cell] = value
        self.counts[EMPTY] = len(tokens) - sum(self.counts)


class Solver:
    def __init__(self, puzzle):
        self.puzzle = puzzle
        self.neighbours = puzzle.hexagon.neighbours
        self.counts = puzzle.counts
        self.solutions = []
        self.nodes = 0

    def initial_masks(self):
        masks = []
        usable = 0
        for value, count in enumerate(self.counts):
            if count:
                usable |= 1 << value
        for cell, around in enumerate(self.neighbours):
            if cell in self.puzzle.locked:
                masks.append(1 << self.puzzle.locked[cell])
            else:
                masks.append(usable & (EMPTY_BIT | ((2 << len(around)) - 1)))
        return masks

    def propagate(self, masks):
        """Narrow masks in place until nothing changes; False on a contradiction."""
        neighbours, counts = self.neighbours, self.counts
        cells = range(len(masks))
        changed = True
        while changed:
            changed = False
            for cell in cells:
                mask = masks[cell]
                least = most = 0
                for other in neighbours[cell]:
                    if masks[other] & TILE_BITS:
                        most += 1
                    if not masks[other] & EMPTY_BIT:
                        least += 1
                narrowed = mask & (EMPTY_BIT | (((2 << most) - 1) & ~((1 << least) - 1)))
                if not narrowed:
                    return False
                if narrowed != mask:
                    masks[cell] = mask = narrowed
                    changed = True
                if POPCOUNT[mask] != 1 or mask == EMPTY_BIT or least == most:
                    continue
                value = mask.bit_length() - 1
                if value == least:
                    # Every neighbour that might hold a tile must stay free.
                    for other in neighbours[cell]:
                        if masks[other] & EMPTY_BIT and masks[other] != EMPTY_BIT:
                            masks[other] = EMPTY_BIT
                            changed = True
                elif value == most:
                    # Every neighbour that might hold a tile must hold one.
                    for other in neighbours[cell]:
                        if masks[other] & EMPTY_BIT and masks[other] & TILE_BITS:
                            masks[other] &= TILE_BITS
                            changed = True
            for value in range(8):
                bit = 1 << value
                fixed = possible = 0
                for mask in masks:
                    if mask & bit:
                        possible += 1
                        if mask == bit:
                            fixed += 1
                wanted = counts[value]
                if fixed > wanted or possible < wanted:
                    return False
                if fixed == wanted and possible > fixed:
                    for cell in cells:
                        if masks[cell] & bit and masks[cell] != bit:
                            masks[cell] &= ~bit
                            changed = True
                elif possible == wanted and fixed < possible:
                    for cell in cells:
                        if masks[cell] & bit:
                            masks[cell] = bit
                    changed = True
        return True

    def is_solution(self, values):
        for cell, value in enumerate(values):
            if value != EMPTY:
                occupied = sum(1 for other in self.neighbours[cell] if values[other] != EMPTY)
                if occupied != value:
                    return False
        return True

    def search(self, masks):
        self.nodes += 1
        if not self.propagate(masks):
            return
        choice = None
        fewest = 9
        for cell, mask in enumerate(masks):
            size = POPCOUNT[mask]
            if 1 < size < fewest:
                choice = cell
                fewest = size
        if choice is None:
            values = [mask.bit_length() - 1 for mask in masks]
            if self.is_solution(values):
                self.solutions.append(values)
            return
        mask = masks[choice]
        for value in range(8):
            if mask & (1 << value):
                attempt = masks[:]
                attempt[choice] = 1 << value
                self.search(attempt)

    def solve(self):
        self.search(self.initial_masks())
        return self.solutions


LEVELS = [
    (3, """
            5   .   .
          3   4!  0   2
        .   4   .   2   3
          2   2   3   6
            4   4   .
    """),
    (4, """
              4   3!  .   5
            .   6!  .   .   3!
          .   .   2   .   3   2!
        4   3   1   5!  4   .   4
          3   3!  5   5!  .   1
            3   2   4   4   2!
              3   5   4   5
    """),
    (4, """
              2!  3   .   0!
            .   .   2   .   .
          .   .   .   3   3!  3!
        2   0   .   4   .   2   .
          3   2!  3!  .   5   .
            4   4   3!  4!  3!
              .   .   3   2
    """),
    (4, """
              .   .   2   .
            .   .   .   .   .
          3   2   .   .   3!  2!
        1!  3!  4!  4!  .   .   .
          .   4!  5   .   2!  .
            2!  .   4   .   3
              1   1!  3   1
    """),
    (5, """
                2!  2   3!  4   .
              .   .   .   4!  3   .
            2!  4   .   3   .   2   .
          3   3!  2   .   3   .   4!  3!
        1!  5   4!  .   3   3!  2!  .   4
          3!  4!  2   .   4!  .   2   1!
            .   3   4!  4!  3   .   3
              3!  5!  .   .   3   1!
                3!  .   .   1!  .
    """),
]


def compact(values):
    """A solution as one string, a character per cell in reading order."""
    return "".join("." if value == EMPTY else str(value) for value in values)


def run_once():
    """(number of solutions, search nodes, first solution) for each level."""
    results = []
    for side, text in LEVELS:
        solver = Solver(Puzzle(side, text))
        solutions = solver.solve()
        results.append((len(solutions), solver.nodes, compact(solutions[0])))
    return results


# (solutions, search nodes, first solution) per level, from CPython 3.13.
EXPECTED = [
    (4, 546, "243.4640.453.2.3.22"),
    (1, 453, "33.2465433455.21..54.1.3454.35.42332."),
    (3, 395, "23.0.43...2.333.2.2.53.23.44..3430.2."),
    (7, 778, "....133.2..54321344....4.22123....1.."),
    (7, 210, "2.34233344.2....33.32...431.4.232.2343.4..13.4432.355..13431."),
]


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        results = run_once()
    elapsed = pyperf.perf_counter() - t0
    if results != EXPECTED:
        raise AssertionError("hexiom: solutions and search sizes %r, expected %r"
                             % (results, EXPECTED))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Hexiom puzzle solver (constraint propagation + search)"
    runner.bench_time_func("hexiom", bench)
