/* The GIL trace (see Include/internal/pycore_giltrace.h).
 *
 * Each thread appends events to its own buffer: a linked list of fixed-size chunks, so that
 * appending never moves earlier events.  The owner publishes each event by a release store
 * of the chunk's count; the writer at exit reads the counts with acquire loads, so it sees
 * complete events even if a daemon thread is still running.  The list of buffers is
 * protected by `registry_mutex` (taken once per thread, at its first event, and by the
 * writer).  The process-wide state below is file-level on purpose: the trace covers the
 * whole process, is configured once at start-up, and is written by a C atexit handler.
 *
 * File format (text): a header line "# braid giltrace 1 <pid>", then one line per event,
 * sorted by time: "<nanoseconds> <native thread id> <request|acquire|drop_request|release>".
 */
#include "Python.h"
#include "pycore_giltrace.h"
#include "pycore_initconfig.h"
#include "pycore_pystate.h"     /* _Py_thread_local */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define CHUNK_EVENTS 4096

typedef struct {
    int64_t t_ns;
    int32_t kind;
    int32_t thread_index;
} trace_event;

typedef struct trace_chunk {
    struct trace_chunk *next;
    int count;                          /* published with a release store */
    trace_event events[CHUNK_EVENTS];
} trace_chunk;

typedef struct trace_buffer {
    struct trace_buffer *next;          /* registry link (under registry_mutex) */
    long native_id;
    trace_chunk *first, *last;          /* last: owner thread only */
} trace_buffer;

int _Py_giltrace_enabled = 0;
static char *trace_path = NULL;                    /* set once at start-up */
static pid_t trace_pid = 0;       /* a forked child that exits must not overwrite the trace */
static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static trace_buffer *registry = NULL;              /* under registry_mutex */
static int registry_size = 0;                      /* under registry_mutex */
static _Py_thread_local trace_buffer *my_buffer = NULL;
static _Py_thread_local int my_index = -1;

static const char *const event_names[] = {"request", "acquire", "drop_request", "release"};

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static trace_chunk *new_chunk(void)
{
    trace_chunk *chunk = calloc(1, sizeof(trace_chunk));
    if (chunk == NULL) {
        _Py_atomic_store_int_relaxed(&_Py_giltrace_enabled, 0);   /* stop tracing */
    }
    return chunk;
}

void _PyGILTrace_Record(_Py_GILTraceEvent event)
{
    trace_buffer *buf = my_buffer;
    if (buf == NULL) {
        buf = calloc(1, sizeof(trace_buffer));
        if (buf == NULL || (buf->first = buf->last = new_chunk()) == NULL) {
            free(buf);
            return;
        }
        buf->native_id = (long)syscall(SYS_gettid);
        pthread_mutex_lock(&registry_mutex);
        buf->next = registry;
        registry = buf;
        my_index = registry_size++;
        pthread_mutex_unlock(&registry_mutex);
        my_buffer = buf;
    }
    trace_chunk *chunk = buf->last;
    int n = chunk->count;
    if (n == CHUNK_EVENTS) {
        trace_chunk *fresh = new_chunk();
        if (fresh == NULL) {
            return;
        }
        chunk->next = fresh;      /* published by the release store of fresh->count below */
        buf->last = chunk = fresh;
        n = 0;
    }
    chunk->events[n].t_ns = now_ns();
    chunk->events[n].kind = (int32_t)event;
    chunk->events[n].thread_index = my_index;
    _Py_atomic_store_int_release(&chunk->count, n + 1);
}

typedef struct {
    int64_t t_ns;
    long tid;
    int kind;
} flat_event;

static int compare_events(const void *a, const void *b)
{
    const flat_event *x = a, *y = b;
    return x->t_ns < y->t_ns ? -1 : x->t_ns > y->t_ns;
}

static void write_trace(void)
{
    if (trace_path == NULL || getpid() != trace_pid) {
        return;
    }
    pthread_mutex_lock(&registry_mutex);
    size_t total = 0;
    for (trace_buffer *b = registry; b != NULL; b = b->next) {
        for (trace_chunk *c = b->first; c != NULL; c = c->next) {
            total += (size_t)_Py_atomic_load_int_acquire(&c->count);
        }
    }
    flat_event *all = malloc((total ? total : 1) * sizeof(flat_event));
    size_t k = 0;
    if (all != NULL) {
        for (trace_buffer *b = registry; b != NULL; b = b->next) {
            for (trace_chunk *c = b->first; c != NULL && k < total; c = c->next) {
                int n = _Py_atomic_load_int_acquire(&c->count);
                for (int i = 0; i < n && k < total; i++) {
                    all[k].t_ns = c->events[i].t_ns;
                    all[k].tid = b->native_id;
                    all[k].kind = c->events[i].kind;
                    k++;
                }
            }
        }
    }
    pthread_mutex_unlock(&registry_mutex);
    FILE *out = fopen(trace_path, "w");
    if (out == NULL) {
        fprintf(stderr, "giltrace: cannot write %s\n", trace_path);
        free(all);
        return;
    }
    fprintf(out, "# braid giltrace 1 %ld\n", (long)getpid());
    if (all != NULL) {
        qsort(all, k, sizeof(flat_event), compare_events);
        for (size_t i = 0; i < k; i++) {
            fprintf(out, "%lld %ld %s\n", (long long)all[i].t_ns, all[i].tid,
                    event_names[all[i].kind]);
        }
    }
    fclose(out);
    free(all);
}

void _PyGILTrace_Init(void)
{
    static int done = 0;      /* start-up runs this once, before any other thread exists */
    if (done) {
        return;
    }
    done = 1;
    const char *path = NULL;
    for (int i = 0; i < _Py_CoreConfig.nxoptions; i++) {
        const char *opt = _Py_CoreConfig.xoptions[i];
        if (strncmp(opt, "giltrace=", 9) == 0) {
            path = opt + 9;
        }
    }
    if (path == NULL) {
        const char *env = getenv("PYTHONGILTRACE");
        if (env != NULL && env[0] != '\0') {
            path = env;
        }
    }
    if (path == NULL || path[0] == '\0') {
        return;
    }
    trace_path = strdup(path);
    if (trace_path == NULL) {
        return;
    }
    trace_pid = getpid();
    atexit(write_trace);
    _Py_atomic_store_int_relaxed(&_Py_giltrace_enabled, 1);
}
