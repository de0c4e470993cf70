"""Richards: Martin Richards' operating-system simulation (a scheduler with an idle task,
a worker, two handlers and two devices passing packets), the classic object-oriented
dispatch benchmark.  Checks the queue and hold counts the simulation must reach."""

import pyperf

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Append self to the list starting at queue; return the new head."""
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    """A task control block: runnable when it has a packet (or is simply runnable) and is
    neither waiting nor held."""

    def __init__(self, scheduler, ident, priority, queue, state_bits):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending, self.waiting, self.held = state_bits
        self.link = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def is_held_or_waiting_without_packet(self):
        return self.held or (not self.packet_pending and self.waiting)

    def add_packet(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        self.packet_pending = self.queue is not None
        return packet


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, queue, bits, count):
        super().__init__(scheduler, ident, priority, queue, bits)
        self.control = 1
        self.count = count

    def run(self, packet):
        sched = self.scheduler
        self.count -= 1
        if self.count == 0:
            return sched.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue, bits):
        super().__init__(scheduler, ident, priority, queue, bits)
        self.destination = HANDLER_A
        self.count = 0

    def run(self, packet):
        sched = self.scheduler
        if packet is None:
            return sched.wait_self()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return sched.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue, bits):
        super().__init__(scheduler, ident, priority, queue, bits)
        self.work = None
        self.device = None

    def run(self, packet):
        sched = self.scheduler
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.device = packet.append_to(self.device)
        work = self.work
        if work is not None:
            if work.datum < BUFFER_SIZE:
                device = self.device
                if device is not None:
                    self.device = device.link
                    device.datum = work.data[work.datum]
                    work.datum += 1
                    return sched.queue_packet(device)
            else:
                self.work = work.link
                return sched.queue_packet(work)
        return sched.wait_self()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority, queue, bits):
        super().__init__(scheduler, ident, priority, queue, bits)
        self.pending = None

    def run(self, packet):
        sched = self.scheduler
        if packet is None:
            pending = self.pending
            if pending is None:
                return sched.wait_self()
            self.pending = None
            return sched.queue_packet(pending)
        self.pending = packet
        return sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait_self(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        task = self.table[ident]
        task.held = False
        return task if task.priority > self.current.priority else self.current

    def queue_packet(self, packet):
        task = self.table[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return task.add_packet(packet, self.current)

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.is_held_or_waiting_without_packet():
                task = task.link
                continue
            self.current = task
            packet = None
            if task.packet_pending and task.waiting and not task.held:
                # A task only receives a packet when it was waiting for one.
                packet = task.take_packet()
                task.waiting = False
            task = task.run(packet)


def run_once(idle_count=10000):
    sched = Scheduler()
    IdleTask(sched, IDLE, 0, None, (False, False, False), idle_count)
    work = Packet(None, IDLE, KIND_WORK)
    work = Packet(work, IDLE, KIND_WORK)
    WorkerTask(sched, WORKER, 1000, work, (True, True, False))
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        queue = Packet(None, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        priority = 2000 if handler == HANDLER_A else 3000
        HandlerTask(sched, handler, priority, queue, (True, True, False))
    DeviceTask(sched, DEVICE_A, 4000, None, (False, True, False))
    DeviceTask(sched, DEVICE_B, 5000, None, (False, True, False))
    sched.schedule()
    return sched.queue_count, sched.hold_count


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        counts = run_once()
    elapsed = pyperf.perf_counter() - t0
    if counts != (23246, 9297):
        raise AssertionError("richards: queue/hold counts %r" % (counts,))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Richards operating-system simulation"
    runner.bench_time_func("richards", bench)
