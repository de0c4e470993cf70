# The seeds' thread behaviours: a lock makes a shared counter exact; events and queues
# coordinate; a thread pool maps work.  Output is deterministic.
import threading
import queue
from concurrent.futures import ThreadPoolExecutor

counter = 0
lock = threading.Lock()


def add_many(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


workers = [threading.Thread(target=add_many, args=(1000,)) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("counter", counter)

q = queue.Queue()
results = []


def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        results.append(item * item)
        q.task_done()


t = threading.Thread(target=consumer)
t.start()
for i in range(5):
    q.put(i)
q.join()
q.put(None)
t.join()
print("squares", results)

ready = threading.Event()
messages = []


def waiter():
    ready.wait()
    messages.append("released")


w = threading.Thread(target=waiter)
w.start()
ready.set()
w.join()
print(messages)

with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(lambda x: x * 3, range(6))))
print(threading.current_thread().name, threading.active_count())
