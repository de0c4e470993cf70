"""The scaffold the stress scripts here share (not a script itself: run.sh skips it)."""
import threading


def ops_reader(ops, tolerated, done, nreaders=3):
    """A reader for run(): reader k calls ops[k::nreaders] in turn until done is set,
    ignoring the exceptions in `tolerated` (the documented outcomes of racing a mutator)."""
    def reader(k):
        while not done:
            for op in ops[k::nreaders]:
                try:
                    op()
                except tolerated:
                    pass
    return reader


def run(mutator, reader, done, nreaders=3):
    """Start nreaders threads running reader(k), run mutator() in this thread, then set done,
    join the readers and print "ok" (run.sh's sign of success)."""
    threads = [threading.Thread(target=reader, args=(k,)) for k in range(nreaders)]
    for thread in threads:
        thread.start()
    try:
        mutator()
    finally:
        done.append(True)
        for thread in threads:
            thread.join()
    print('ok')
