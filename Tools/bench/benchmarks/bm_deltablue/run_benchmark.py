"""DeltaBlue: the incremental one-way dataflow constraint solver of Freeman-Benson, Maloney
and Borning.  Constraints of seven strengths (required ... weakest) are added and removed
one at a time; the planner keeps a walkabout strength per variable, so that each addition
or removal re-plans only the affected part of the graph, and extracts a plan (a list of
constraints to execute in order) for the variables driven by edit constraints.

Two classic tests: a chain of equality constraints driven from one end, and a projection
(dst = src * scale + offset for many pairs) edited from both sides.  Each checks the values
it must reach; the run also checks the total number of constraint executions and marks."""

import pyperf

SIZE = 100              # variables in the chain, source/destination pairs in the projection
ROUNDS = 80
EXPECTED = (1017920, 25120)   # (constraint executions, marks) over all rounds, from CPython 3.13


class Strength:
    """A constraint strength; a smaller rank is stronger."""

    def __init__(self, rank, name):
        self.rank = rank
        self.name = name

    def __repr__(self):
        return "Strength(%s)" % self.name

    def next_weaker(self):
        return STRENGTHS[self.rank + 1]


STRENGTHS = [Strength(rank, name) for rank, name in enumerate(
    ("required", "strong preferred", "preferred", "strong default", "normal",
     "weak default", "weakest"))]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = \
    STRENGTHS


def stronger(a, b):
    return a.rank < b.rank


def weaker(a, b):
    return a.rank > b.rank


def weakest_of(a, b):
    return a if a.rank > b.rank else b


class Variable:
    """A value in the constraint graph.  determined_by is the constraint that computes it
    (None when nothing does); walk_strength is the strength of the weakest constraint
    upstream of it in the current solution; stay says it is not computed from an input
    (edit) constraint, so that plans can treat it as a constant."""

    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def __repr__(self):
        return "Variable(%s=%r)" % (self.name, self.value)

    def add_constraint(self, constraint):
        self.constraints.append(constraint)

    def remove_constraint(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def add_constraint(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def satisfy(self, mark):
        """Try to enforce this constraint with a method that writes a variable not yet
        written in this pass (mark); return the constraint that it overrode, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise RuntimeError("deltablue: could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise RuntimeError("deltablue: cycle in the constraint graph")
        out.mark = mark
        return overridden

    def destroy_constraint(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, planner, variable, strength):
        super().__init__(planner, strength)
        self.variable = variable
        self.satisfied = False
        self.add_constraint()

    def add_to_graph(self):
        self.variable.add_constraint(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.variable.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        variable = self.variable
        self.satisfied = (variable.mark != mark
                          and stronger(self.strength, variable.walk_strength))

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.variable

    def recalculate(self):
        variable = self.variable
        variable.walk_strength = self.strength
        variable.stay = not self.is_input()
        if variable.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True


class StayConstraint(UnaryConstraint):
    """Keeps a variable at its current value (a constant unless something stronger
    writes it)."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Marks a variable the user changes from outside: the source of a plan."""

    def is_input(self):
        return True

    def execute(self):
        pass


FORWARD, NONE, BACKWARD = 1, 0, -1


class BinaryConstraint(Constraint):
    """A constraint between first and second that can be enforced in either direction:
    FORWARD writes second from first, BACKWARD first from second."""

    def __init__(self, planner, first, second, strength):
        super().__init__(planner, strength)
        self.first = first
        self.second = second
        self.direction = NONE
        self.add_constraint()

    def add_to_graph(self):
        self.first.add_constraint(self)
        self.second.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self):
        self.first.remove_constraint(self)
        self.second.remove_constraint(self)
        self.direction = NONE

    def choose_method(self, mark):
        """Write the variable not yet written in this pass; when both are free, write the
        one whose current determination is weaker, if this constraint beats it."""
        first, second, strength = self.first, self.second, self.strength
        if first.mark == mark:
            usable = second.mark != mark and stronger(strength, second.walk_strength)
            self.direction = FORWARD if usable else NONE
        elif second.mark == mark:
            usable = stronger(strength, first.walk_strength)
            self.direction = BACKWARD if usable else NONE
        elif weaker(first.walk_strength, second.walk_strength):
            self.direction = BACKWARD if stronger(strength, first.walk_strength) else NONE
        else:
            self.direction = FORWARD if stronger(strength, second.walk_strength) else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def input(self):
        return self.first if self.direction == FORWARD else self.second

    def output(self):
        return self.second if self.direction == FORWARD else self.first

    def mark_inputs(self, mark):
        self.input().mark = mark

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = weakest_of(self.strength, source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        source = self.input()
        return source.mark == mark or source.stay or source.determined_by is None


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value
        self.planner.executions += 1


class ScaleConstraint(BinaryConstraint):
    """dest = src * scale + offset, or src = (dest - offset) / scale backwards; scale and
    offset are read-only inputs in both directions."""

    def __init__(self, planner, src, scale, offset, dest, strength):
        self.scale = scale
        self.offset = offset
        super().__init__(planner, src, dest, strength)

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.second.value = self.first.value * self.scale.value + self.offset.value
        else:
            self.first.value = (self.second.value - self.offset.value) // self.scale.value
        self.planner.executions += 1

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = weakest_of(self.strength, source.walk_strength)
        out.stay = source.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Plan(list):
    """Constraints in an order that respects their dataflow."""

    def execute(self):
        for constraint in self:
            constraint.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0
        self.executions = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        """Satisfy constraint, then re-satisfy whatever it overrode, and so on (each at most
        once per pass, thanks to the mark)."""
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        """Retract constraint; then try the constraints left unsatisfied downstream,
        strongest first, since one of them may now be enforceable."""
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while strength is not WEAKEST:
            for candidate in unsatisfied:
                if candidate.strength is strength:
                    self.incremental_add(candidate)
            strength = strength.next_weaker()

    def add_propagate(self, constraint, mark):
        """Recompute walkabout strengths downstream of constraint; False (after undoing
        constraint) when the pass reaches a variable it already wrote: a cycle."""
        todo = [constraint]
        index = 0
        while index < len(todo):
            current = todo[index]
            index += 1
            if current.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            current.recalculate()
            self.add_constraints_consuming_to(current.output(), todo)
        return True

    def remove_propagate_from(self, out):
        """Forget what determined out and recompute downstream; return the constraints
        found unsatisfied on the way."""
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        index = 0
        while index < len(todo):
            variable = todo[index]
            index += 1
            for constraint in variable.constraints:
                if not constraint.is_satisfied():
                    unsatisfied.append(constraint)
            determining = variable.determined_by
            for constraint in variable.constraints:
                if constraint is not determining and constraint.is_satisfied():
                    constraint.recalculate()
                    todo.append(constraint.output())
        return unsatisfied

    def add_constraints_consuming_to(self, variable, todo):
        determining = variable.determined_by
        for constraint in variable.constraints:
            if constraint is not determining and constraint.is_satisfied():
                todo.append(constraint)

    def make_plan(self, sources):
        """Order the constraints downstream of sources so that each runs after the ones
        computing its inputs; constraints whose inputs are all constants are left out."""
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        index = 0
        while index < len(todo):
            constraint = todo[index]
            index += 1
            out = constraint.output()
            if out.mark != mark and constraint.inputs_known(mark):
                plan.append(constraint)
                out.mark = mark
                self.add_constraints_consuming_to(out, todo)
        return plan

    def extract_plan_from_constraints(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])


def check(condition, what):
    if not condition:
        raise AssertionError("deltablue: %s" % what)


def chain_test(n):
    """v0 = v1 = ... = vn, a stay on vn and an edit on v0: editing v0 must drive vn."""
    planner = Planner()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for previous, current in zip(variables, variables[1:]):
        EqualityConstraint(planner, previous, current, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.extract_plan_from_constraints([edit])
    check(len(plan) == n + 1, "chain plan has %d steps" % len(plan))
    for value in range(100):
        first.value = value
        plan.execute()
        check(last.value == value, "chain end is %r, expected %r" % (last.value, value))
    edit.destroy_constraint()
    return planner


def change(planner, variable, value):
    edit = EditConstraint(planner, variable, PREFERRED)
    plan = planner.extract_plan_from_constraints([edit])
    for _ in range(10):
        variable.value = value
        plan.execute()
    edit.destroy_constraint()


def projection_test(n):
    """dst_i = src_i * scale + offset with stays on the sources: edit a source, then a
    destination (which must flip that one constraint backwards), then scale and offset."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    sources, dests = [], []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        sources.append(src)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
    src, dst = sources[-1], dests[-1]
    change(planner, src, 17)
    check(dst.value == 1170, "projection forward gave %r" % dst.value)
    change(planner, dst, 1050)
    check(src.value == 5, "projection backward gave %r" % src.value)
    change(planner, scale, 5)
    for i in range(n - 1):
        check(dests[i].value == i * 5 + 1000, "projection after scale: %r" % dests[i])
    change(planner, offset, 2000)
    for i in range(n - 1):
        check(dests[i].value == i * 5 + 2000, "projection after offset: %r" % dests[i])
    return planner


def run_once():
    totals = [0, 0]
    for _ in range(ROUNDS):
        for planner in (chain_test(SIZE), projection_test(SIZE)):
            totals[0] += planner.executions
            totals[1] += planner.current_mark
    return tuple(totals)


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        result = run_once()
    elapsed = pyperf.perf_counter() - t0
    if result != EXPECTED:
        raise AssertionError("deltablue: executions and marks %r, expected %r"
                             % (result, EXPECTED))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "DeltaBlue incremental constraint solver"
    runner.bench_time_func("deltablue", bench)
