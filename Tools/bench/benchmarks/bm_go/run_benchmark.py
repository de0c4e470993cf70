"""Go: a small Go-playing program on a 9x9 board.  Two players using Monte-Carlo tree search
with the UCT rule (upper confidence bounds applied to trees) play the opening of a game:
each move runs a fixed number of search iterations, each of which walks down the tree,
expands one new position and finishes the game with random (but eye-preserving) moves.
The board keeps its empty points in an indexable list and finds groups and liberties by
flood fill; captures, suicide and simple ko follow the usual (area-scoring) rules.  All the
randomness comes from one seeded generator, so the game is the same on every run; the check
is the sequence of moves chosen and the search statistics behind them."""

import math
import random

import pyperf

SIZE = 9
KOMI = 7.5
SEED = 31415
MOVES = 3                   # moves of the game to play
ITERATIONS = 150            # search iterations per move
EXPLORATION = 1.0           # the UCT exploration constant
# (move, its wins, its visits, moves tried at the root, simulated game length) per move,
# from CPython 3.13.
EXPECTED = [("B3", 3, 4, 81, 16598), ("J5", 3, 4, 80, 16642), ("E5", 3, 4, 79, 16583)]

EMPTY, BLACK, WHITE, EDGE = 0, 1, 2, 3
PASS = -1
STRIDE = SIZE + 2           # the board is stored with a one-point border of EDGE cells
ON_BOARD = [(row + 1) * STRIDE + column + 1 for row in range(SIZE) for column in range(SIZE)]
NEIGHBOURS = (-1, 1, -STRIDE, STRIDE)
DIAGONALS = (-STRIDE - 1, -STRIDE + 1, STRIDE - 1, STRIDE + 1)
LETTERS = "ABCDEFGHJ"


def move_name(pos):
    if pos == PASS:
        return "pass"
    row, column = divmod(pos, STRIDE)
    return "%s%d" % (LETTERS[column - 1], SIZE + 1 - row)


class Board:
    def __init__(self):
        self.cells = [EDGE] * (STRIDE * STRIDE)
        for pos in ON_BOARD:
            self.cells[pos] = EMPTY
        self.empty = list(ON_BOARD)
        self.empty_index = [-1] * (STRIDE * STRIDE)   # position of each point in self.empty
        for index, pos in enumerate(self.empty):
            self.empty_index[pos] = index
        self.to_move = BLACK
        self.ko = None
        self.passes = 0
        self.moves_played = 0
        self.marks = [0] * (STRIDE * STRIDE)          # flood-fill visit stamps
        self.stamp = 0

    def copy(self):
        other = Board.__new__(Board)
        other.cells = self.cells[:]
        other.empty = self.empty[:]
        other.empty_index = self.empty_index[:]
        other.to_move = self.to_move
        other.ko = self.ko
        other.passes = self.passes
        other.moves_played = self.moves_played
        other.marks = [0] * (STRIDE * STRIDE)
        other.stamp = 0
        return other

    # -- groups ---------------------------------------------------------------------------
    def count_liberties(self, pos, limit):
        """Liberties of the group at pos, counting only up to limit."""
        cells, marks = self.cells, self.marks
        self.stamp += 1
        stamp = self.stamp
        color = cells[pos]
        marks[pos] = stamp
        stack = [pos]
        liberties = 0
        while stack:
            here = stack.pop()
            for step in NEIGHBOURS:
                there = here + step
                if marks[there] == stamp:
                    continue
                content = cells[there]
                if content == EMPTY:
                    marks[there] = stamp
                    liberties += 1
                    if liberties >= limit:
                        return liberties
                elif content == color:
                    marks[there] = stamp
                    stack.append(there)
        return liberties

    def remove_group(self, pos):
        """Take the group at pos off the board; return how many stones it had."""
        cells = self.cells
        color = cells[pos]
        stack = [pos]
        cells[pos] = EMPTY
        removed = 0
        while stack:
            here = stack.pop()
            self.add_empty(here)
            removed += 1
            for step in NEIGHBOURS:
                there = here + step
                if cells[there] == color:
                    cells[there] = EMPTY
                    stack.append(there)
        return removed

    def add_empty(self, pos):
        self.empty_index[pos] = len(self.empty)
        self.empty.append(pos)

    def remove_empty(self, pos):
        index = self.empty_index[pos]
        last = self.empty.pop()
        if last != pos:
            self.empty[index] = last
            self.empty_index[last] = index
        self.empty_index[pos] = -1

    # -- rules ----------------------------------------------------------------------------
    def is_legal(self, pos):
        """Empty, not the ko point, and not suicide (it has a liberty, joins a group that
        keeps another liberty, or captures)."""
        cells = self.cells
        if cells[pos] != EMPTY or pos == self.ko:
            return False
        color = self.to_move
        for step in NEIGHBOURS:
            there = pos + step
            content = cells[there]
            if content == EMPTY:
                return True
            if content == EDGE:
                continue
            liberties = self.count_liberties(there, 2)
            if content == color:
                if liberties >= 2:
                    return True
            elif liberties == 1:
                return True
        return False

    def is_own_eye(self, pos):
        """An empty point surrounded by the mover's stones whose diagonals the opponent
        does not control (one diagonal on the edge, two in the middle)."""
        cells = self.cells
        color = self.to_move
        for step in NEIGHBOURS:
            content = cells[pos + step]
            if content != color and content != EDGE:
                return False
        enemy = 0
        edge = False
        for step in DIAGONALS:
            content = cells[pos + step]
            if content == EDGE:
                edge = True
            elif content != color and content != EMPTY:
                enemy += 1
        return enemy == 0 if edge else enemy < 2

    def play(self, pos):
        """Play a legal move (or PASS) for the side to move."""
        color = self.to_move
        self.to_move = BLACK + WHITE - color
        self.moves_played += 1
        self.ko = None
        if pos == PASS:
            self.passes += 1
            return
        self.passes = 0
        cells = self.cells
        cells[pos] = color
        self.remove_empty(pos)
        enemy = BLACK + WHITE - color
        captured = 0
        captured_at = None
        for step in NEIGHBOURS:
            there = pos + step
            if cells[there] == enemy and self.count_liberties(there, 1) == 0:
                captured += self.remove_group(there)
                captured_at = there
        if captured == 1:
            lonely = all(cells[pos + step] != color for step in NEIGHBOURS)
            if lonely and self.count_liberties(pos, 2) == 1:
                self.ko = captured_at

    def candidate_moves(self):
        """The legal moves that do not fill one of the mover's own eyes."""
        moves = [pos for pos in self.empty if self.is_legal(pos) and not self.is_own_eye(pos)]
        moves.sort()
        return moves

    def random_move(self, rng):
        """A random candidate move: scan the empty points from a random start."""
        empty = self.empty
        count = len(empty)
        if count:
            start = rng.randrange(count)
            for offset in range(count):
                pos = empty[(start + offset) % count]
                if not self.is_own_eye(pos) and self.is_legal(pos):
                    return pos
        return PASS

    def game_over(self):
        return self.passes >= 2

    def playout(self, rng, limit):
        while not self.game_over() and self.moves_played < limit:
            self.play(self.random_move(rng))

    def score(self):
        """Black's area minus White's area minus komi (empty points count for the colour
        that alone surrounds them)."""
        cells = self.cells
        points = {BLACK: 0, WHITE: 0, EDGE: 0}
        for pos in ON_BOARD:
            content = cells[pos]
            if content != EMPTY:
                points[content] += 1
                continue
            seen = 0
            for step in NEIGHBOURS:
                seen |= 1 << cells[pos + step]
            seen &= ~(1 << EDGE) & ~(1 << EMPTY)
            if seen == 1 << BLACK:
                points[BLACK] += 1
            elif seen == 1 << WHITE:
                points[WHITE] += 1
        return points[BLACK] - points[WHITE] - KOMI


class Node:
    """A position in the search tree, reached by `player` playing `move`."""

    __slots__ = ("move", "player", "parent", "children", "untried", "wins", "visits")

    def __init__(self, move, player, parent, untried):
        self.move = move
        self.player = player
        self.parent = parent
        self.children = []
        self.untried = untried
        self.wins = 0
        self.visits = 0

    def best_child(self):
        """UCT: the child maximising wins/visits + c * sqrt(ln(N) / visits)."""
        log_visits = math.log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = (child.wins / child.visits
                     + EXPLORATION * math.sqrt(log_visits / child.visits))
            if value > best_value:
                best = child
                best_value = value
        return best


def uct_search(board, iterations, rng):
    """Search from board; return the most visited move and (its wins, its visits, the
    number of moves tried at the root, the total length of the simulated games)."""
    root = Node(None, BLACK + WHITE - board.to_move, None, board.candidate_moves() or [PASS])
    limit = board.moves_played + 3 * SIZE * SIZE
    simulated = 0
    for _ in range(iterations):
        node = root
        position = board.copy()
        while not node.untried and node.children:
            node = node.best_child()
            position.play(node.move)
        if node.untried and not position.game_over():
            index = rng.randrange(len(node.untried))
            move = node.untried[index]
            node.untried[index] = node.untried[-1]
            node.untried.pop()
            player = position.to_move
            position.play(move)
            child = Node(move, player, node, position.candidate_moves() or [PASS])
            node.children.append(child)
            node = child
        position.playout(rng, limit)
        simulated += position.moves_played
        winner = BLACK if position.score() > 0 else WHITE
        while node is not None:
            node.visits += 1
            if node.player == winner:
                node.wins += 1
            node = node.parent
    best = None
    for child in root.children:
        if best is None or child.visits > best.visits:
            best = child
    return best.move, (best.wins, best.visits, len(root.children), simulated)


def play_game(moves=MOVES, iterations=ITERATIONS, seed=SEED):
    rng = random.Random(seed)
    board = Board()
    record = []
    for _ in range(moves):
        move, statistics = uct_search(board, iterations, rng)
        board.play(move)
        record.append((move_name(move),) + statistics)
    return record


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        record = play_game()
    elapsed = pyperf.perf_counter() - t0
    if record != EXPECTED:
        raise AssertionError("go: game record %r, expected %r" % (record, EXPECTED))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "9x9 Go with Monte-Carlo tree search (UCT)"
    runner.bench_time_func("go", bench)
