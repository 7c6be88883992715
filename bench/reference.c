/*
 * reference.c - independent C reference timings for sysc.
 *
 * What it is for:
 *   sysc (the Java tool in this repo) measures the cost of Linux x86-64
 *   system calls.  This program times the same calls in plain C, with as
 *   little machinery as possible, so that bench/fidelity can check that
 *   sysc's "net" medians agree with what C sees on the same machine.
 *   It is a hand-run benchmark, not a test and not part of CI.
 *
 * Build and run:
 *   gcc -O2 -pthread -o target/bench/reference bench/reference.c
 *   target/bench/reference [-c CPU] [case ...]      (default: all cases)
 *
 * Output: one line per case, "name median_ns_per_call", e.g. "getppid 171.3",
 *   or "name error ERRNONAME" when the call failed (the other cases still run).
 *
 * Method, per case:
 *   1. calibrate a batch size n so that one batch of n calls lasts ~50 us;
 *   2. warm up for ~50 ms (and re-derive n from the warm-up timings);
 *   3. run batches for ~300 ms, each timed with clock_gettime(CLOCK_MONOTONIC);
 *   4. print the median over batches of (batch time / n).
 *   The loop overhead (< 1 ns per iteration at -O2) is not subtracted.
 *
 * What one "call" is (must match what sysc measures under the same name):
 *   getppid                getppid()
 *   getpid                 getpid()              (glibc 2.36 does not cache it)
 *   enosys                 syscall(100000)       (invalid number -> ENOSYS)
 *   clock_gettime_syscall  syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts)
 *   clock_gettime_vdso     clock_gettime(CLOCK_MONOTONIC, &ts)   (vDSO)
 *   gettimeofday_vsyscall  gettimeofday(&tv, NULL) at the vsyscall page, 0xffffffffff600000 (the call
 *                          traps and the kernel emulates it); gettimeofday_vdso and _syscall beside it
 *   read                   read(fd, buf, 1)      fd of /dev/zero
 *   write                  write(fd, buf, 1)     fd of /dev/null
 *   fstat                  fstat(fd, &st)        fd of a 16-byte temp file
 *   stat                   stat(path, &st)       that same file
 *   open_close             close(open(path, O_RDONLY))  (two crossings)
 *   mmap_munmap            munmap(mmap(NULL, 4096, RW, PRIVATE|ANON), 4096)
 *                          (one pair; the page is never touched)
 *   sched_yield            sched_yield()
 *   pipe_roundtrip         write(p[1], buf, 1) then read(p[0], buf, 1)
 *   io_uring_nop_B         B NOP requests (B = 1, 8, 64): fill B SQEs, publish the tail, one
 *                          io_uring_enter(fd, B, B, GETEVENTS), check and reap B CQEs; one "call"
 *                          is one batch, so divide the figure by B for ns per request, the unit
 *                          `sysc batch io_uring` reports
 *   writev_B               one writev(fd, iov, B) of B 1-byte iovecs to /dev/null (B = 1, 16, 64);
 *                          one "call" is one writev: divide by B for ns per byte
 *   sendto_loop_B          B send(fd, "x", 1, 0) of 1-byte UDP datagrams on a loopback socket connected
 *                          to itself, then recvmmsg(MSG_WAITFORONE) until all B are back (B = 1, 8, 64)
 *   return_stack_D         getpid (inline syscall) under D nested C frames (D = 1, 2, 4, 8, 16);
 *   frames_D               the same D frames without it (see bench/return-stack)
 *   sendmmsg_B             one sendmmsg of B such datagrams, then the same receive; as `sysc batch
 *                          sendmmsg`, one "call" is one batch: divide by B for ns per datagram
 *   spawn_wait             posix_spawn of /bin/true (empty environment) then waitpid
 *   thread_create          pthread_create of a routine that returns at once, then pthread_join
 *   page_fault             madvise(MADV_DONTNEED) of one private anonymous page, then a 4-byte store to it
 *   page_fault_file        madvise(MADV_DONTNEED) of a shared read-only mapping of the temp file, then a
 *                          4-byte load from it
 *   signal_roundtrip       tgkill(own pid, own tid, SIGRTMIN+5) to a no-op handler (SA_RESTART)
 *   udp_roundtrip          two UDP sockets on 127.0.0.1 connected to each other: send 1 byte A->B,
 *                          recv on B, send it B->A, recv on A
 *   tcp_roundtrip          the same over one 127.0.0.1 TCP connection (TCP_NODELAY on both ends)
 *   ctx_switch             write 1 byte to a partner thread and read its answer, through two pipes,
 *                          both threads pinned to the last CPU this process may use (two switches);
 *                          it leaves the main thread pinned, so it is the last case of a full run
 *   filter_discard_K       as `sysc batch filter`: one sendmmsg of 100 1-byte datagrams to a loopback
 *                          socket connected to itself, 1 in K marked 'W' (K = 1, 10, 100), then 100
 *                          recv calls, counting the 'W's; one "call" is one batch: divide by 100/K
 *   filter_bpf_K           the same to a socket with a classic BPF filter (SO_ATTACH_FILTER) that keeps
 *                          only the 'W's, then 100/K recv calls
 *   filter_send_only       the send alone that `sysc batch filter` takes off for its receiver figures:
 *                          one sendmmsg of 100 datagrams, all 'x', to the filtered socket (all dropped)
 *   filter_send_kept       the same sendmmsg to the filtered socket with all 100 'W' (all kept), only the
 *                          send timed, the 100 recv calls outside it: against filter_send_only, what
 *                          keeping a datagram costs the send over dropping it
 *   filter_recv_discard_K, filter_recv_bpf_K
 *                          filter_discard_K and filter_bpf_K with only the receive timed: the batch's
 *                          recv calls between two clock_gettime, the sendmmsg outside them (a check
 *                          of the subtraction by a direct timing; see bench/filter-receiver)
 * The temp file lives in a mkdtemp() directory under /tmp, removed at exit.
 *
 * Threads: the JVM that runs sysc has a dozen threads, and glibc's wrappers of
 * cancellation points (read, write, open, close, ...) take a slower path in a
 * multi-threaded process (they switch asynchronous cancellation on and off
 * around the syscall).  So that both sides pay the same wrapper cost, this
 * program starts one idle thread before measuring; -s keeps it single-threaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <netinet/tcp.h>
#include <spawn.h>
#include <linux/filter.h>
#include <linux/io_uring.h>
#include <time.h>
#include <unistd.h>

#define BATCH_TARGET_NS   50000LL       /* ~50 us per batch   */
#define WARMUP_NS         50000000LL    /* ~50 ms of warm-up  */
#define MEASURE_NS        300000000LL   /* ~300 ms measured   */
#define INVALID_SYSCALL   100000L

/* ---------------------------------------------------------------- timing */

/* Set by a case that times only part of each call (see time_batch). */
static long long part_ns;
static int part_timed;

static long long now_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
        perror("clock_gettime");
        exit(1);
    }
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* --------------------------------------------------------------- fixtures */

static int fd_zero = -1;              /* /dev/zero, for read   */
static int fd_null = -1;              /* /dev/null, for write  */
static int fd_file = -1;              /* the temp file, fstat  */
static char tmp_dir[64];              /* "" until created      */
static char tmp_file[96];
static char buf[1];

/* Async-signal-safe: also called from the SIGINT/SIGTERM handler. */
static void remove_temp_file(void)
{
    if (tmp_dir[0] != '\0') {
        unlink(tmp_file);
        rmdir(tmp_dir);
        tmp_dir[0] = '\0';
    }
}

static void on_signal(int sig)
{
    remove_temp_file();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Each prepare_* returns 0, or the errno of what went wrong. */

static int prepare_none(void) { return 0; }

static int create_temp_file(void)
{
    char tmpl[] = "/tmp/sysc-reference-XXXXXX";
    if (mkdtemp(tmpl) == NULL)
        return errno;
    strcpy(tmp_dir, tmpl);
    snprintf(tmp_file, sizeof tmp_file, "%s/small", tmp_dir);

    int fd = open(tmp_file, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return errno;
    static const char content[16] = "0123456789abcde\n";
    ssize_t w = write(fd, content, sizeof content);
    int err = (w < 0) ? errno : (w != (ssize_t)sizeof content ? EIO : 0);
    if (close(fd) != 0 && err == 0)
        err = errno;
    return err;
}

/* Creates the file once; a failure is remembered for every later case. */
static int prepare_temp_file(void)
{
    static int tried, err;
    if (!tried) {
        tried = 1;
        err = create_temp_file();
    }
    return err;
}

static int prepare_read(void)
{
    if (fd_zero < 0 && (fd_zero = open("/dev/zero", O_RDONLY)) < 0)
        return errno;
    return 0;
}

static int prepare_write(void)
{
    if (fd_null < 0 && (fd_null = open("/dev/null", O_WRONLY)) < 0)
        return errno;
    return 0;
}

static int prepare_fstat(void)
{
    int err = prepare_temp_file();
    if (err)
        return err;
    if (fd_file < 0 && (fd_file = open(tmp_file, O_RDONLY)) < 0)
        return errno;
    return 0;
}

/* ------------------------------------------------------------------ cases */
/*
 * Each run_* does n calls and returns 0, or the errno of the first failed
 * call.  Every return value is checked; the check is a predictable branch.
 */

static int run_getppid(long n)
{
    for (long i = 0; i < n; i++)
        if (getppid() <= 0)
            return errno ? errno : EINVAL;
    return 0;
}

static int run_getpid(long n)
{
    for (long i = 0; i < n; i++)
        if (getpid() <= 0)
            return errno ? errno : EINVAL;
    return 0;
}

static int run_enosys(long n)
{
    for (long i = 0; i < n; i++) {
        long r = syscall(INVALID_SYSCALL);
        if (r != -1)
            return EINVAL;          /* succeeded?!  report as EINVAL */
        if (errno != ENOSYS)
            return errno;
    }
    return 0;
}

static int run_clock_gettime_syscall(long n)
{
    struct timespec ts;
    for (long i = 0; i < n; i++)
        if (syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts) != 0)
            return errno;
    return 0;
}

static int run_clock_gettime_vdso(long n)
{
    struct timespec ts;
    for (long i = 0; i < n; i++)
        if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
            return errno;
    return 0;
}

/* The legacy vsyscall entry: a fixed address that every x86-64 process has unless vsyscall=none. */
typedef long (*vsyscall_gettimeofday_fn)(struct timeval *, void *);
#define VSYSCALL_GETTIMEOFDAY ((vsyscall_gettimeofday_fn)0xffffffffff600000UL)

static int run_gettimeofday_vsyscall(long n)
{
    struct timeval tv;
    for (long i = 0; i < n; i++)
        if (VSYSCALL_GETTIMEOFDAY(&tv, NULL) != 0)
            return EIO;
    return 0;
}

static int run_gettimeofday_vdso(long n)
{
    struct timeval tv;
    for (long i = 0; i < n; i++)
        if (gettimeofday(&tv, NULL) != 0)
            return errno;
    return 0;
}

static int run_gettimeofday_syscall(long n)
{
    struct timeval tv;
    for (long i = 0; i < n; i++)
        if (syscall(SYS_gettimeofday, &tv, NULL) != 0)
            return errno;
    return 0;
}

static int pipe_fds[2] = {-1, -1};

static int prepare_pipe(void)
{
    if (pipe_fds[0] < 0 && pipe(pipe_fds) != 0)
        return errno;
    return 0;
}

static int run_sched_yield(long n)
{
    for (long i = 0; i < n; i++)
        if (sched_yield() != 0)
            return errno;
    return 0;
}

/* 1 byte into a pipe and back out, as sysc's pipe_roundtrip. */
static int run_pipe_roundtrip(long n)
{
    for (long i = 0; i < n; i++) {
        if (write(pipe_fds[1], buf, 1) != 1)
            return errno ? errno : EIO;
        if (read(pipe_fds[0], buf, 1) != 1)
            return errno ? errno : EIO;
    }
    return 0;
}

/* ---------------------------------------------------------------- io_uring */
/* One ring, driven through its shared memory and io_uring_enter(2) only (no liburing), the way
 * sysc's generated code drives it. */
static struct {
    int fd;
    unsigned *sq_tail, sq_mask, *cq_head, cq_mask;
    struct io_uring_sqe *sqes;
    struct io_uring_cqe *cqes;
} ring = { .fd = -1 };

static int prepare_ring(void)
{
    if (ring.fd >= 0)
        return 0;
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    int fd = (int)syscall(SYS_io_uring_setup, 64, &p);
    if (fd < 0)
        return errno;
    size_t sq_bytes = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    size_t cq_bytes = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    char *sq = mmap(NULL, sq_bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQ_RING);
    char *cq = mmap(NULL, cq_bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_CQ_RING);
    void *sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
    if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED)
        return errno;
    unsigned *array = (unsigned *)(sq + p.sq_off.array);
    for (unsigned i = 0; i < p.sq_entries; i++)
        array[i] = i;                   /* slot i names SQE i, once and for all */
    ring.sq_tail = (unsigned *)(sq + p.sq_off.tail);
    ring.sq_mask = *(unsigned *)(sq + p.sq_off.ring_mask);
    ring.cq_head = (unsigned *)(cq + p.cq_off.head);
    ring.cq_mask = *(unsigned *)(cq + p.cq_off.ring_mask);
    ring.sqes = sqes;
    ring.cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
    ring.fd = fd;
    return 0;
}

static int ring_batch(unsigned b)
{
    unsigned tail = *ring.sq_tail;
    for (unsigned i = 0; i < b; i++)
        memset(&ring.sqes[(tail + i) & ring.sq_mask], 0, sizeof(struct io_uring_sqe)); /* IORING_OP_NOP = 0 */
    __atomic_store_n(ring.sq_tail, tail + b, __ATOMIC_RELEASE);
    if (syscall(SYS_io_uring_enter, ring.fd, b, b, IORING_ENTER_GETEVENTS, NULL, 0) < 0)
        return errno;
    unsigned head = *ring.cq_head;
    for (unsigned i = 0; i < b; i++, head++)
        if (ring.cqes[head & ring.cq_mask].res < 0)
            return -ring.cqes[head & ring.cq_mask].res;
    __atomic_store_n(ring.cq_head, head, __ATOMIC_RELEASE);
    return 0;
}

/* n batches of B requests each (a whole number of batches, so nothing is counted that did not run). */
#define RING_CASE(B) \
    static int run_io_uring_nop_##B(long n) \
    { \
        for (long i = 0; i < n; i++) { \
            int err = ring_batch(B); \
            if (err) \
                return err; \
        } \
        return 0; \
    }
RING_CASE(1)
RING_CASE(8)
RING_CASE(64)

/* ------------------------------------------------------------------ writev */
/* One writev of B 1-byte iovecs to /dev/null per "call", as `sysc batch write`'s writev strategy. */
static char wbuf[64];
static struct iovec wiov[64];

static int prepare_writev(void)
{
    for (int i = 0; i < 64; i++) {
        wiov[i].iov_base = wbuf + i;
        wiov[i].iov_len = 1;
    }
    return prepare_write();
}

#define WRITEV_CASE(B) \
    static int run_writev_##B(long n) \
    { \
        for (long i = 0; i < n; i++) { \
            ssize_t r = writev(fd_null, wiov, B); \
            if (r != B) \
                return r < 0 ? errno : EIO; \
        } \
        return 0; \
    }
WRITEV_CASE(1)
WRITEV_CASE(16)
WRITEV_CASE(64)

/* ----------------------------------------------------------------- sendmmsg */
/* As `sysc batch sendmmsg`: a UDP socket on 127.0.0.1 connected to itself, a 256 KiB receive buffer,
 * a 1 s receive timeout; each batch of B datagrams is received in full before the next. */
static int fd_udp = -1;
static char udp_payload = 'x';
static char udp_slots[64][8];
static struct iovec udp_send_iov = { &udp_payload, 1 };
static struct iovec udp_recv_iov[64];
static struct mmsghdr udp_send[64], udp_recv[64];

static int prepare_udp(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    int rcvbuf = 4096 * 64;
    struct timeval timeout = { 1, 0 };
    fd_udp = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd_udp < 0 ||
        setsockopt(fd_udp, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf) != 0 ||
        setsockopt(fd_udp, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) != 0 ||
        bind(fd_udp, (struct sockaddr *)&a, sizeof a) != 0 ||
        getsockname(fd_udp, (struct sockaddr *)&a, &len) != 0 ||
        connect(fd_udp, (struct sockaddr *)&a, sizeof a) != 0)
        return errno;
    for (int i = 0; i < 64; i++) {
        udp_send[i].msg_hdr.msg_iov = &udp_send_iov;
        udp_send[i].msg_hdr.msg_iovlen = 1;
        udp_recv_iov[i].iov_base = udp_slots[i];
        udp_recv_iov[i].iov_len = sizeof udp_slots[i];
        udp_recv[i].msg_hdr.msg_iov = &udp_recv_iov[i];
        udp_recv[i].msg_hdr.msg_iovlen = 1;
    }
    return 0;
}

static int udp_receive(int b)
{
    for (int got = 0; got < b;) {
        int r = recvmmsg(fd_udp, udp_recv + got, b - got, MSG_WAITFORONE, NULL);
        if (r <= 0)
            return r < 0 ? errno : EAGAIN;
        got += r;
    }
    return 0;
}

#define UDP_CASES(B) \
    static int run_sendto_loop_##B(long n) \
    { \
        for (long i = 0; i < n; i++) { \
            for (int k = 0; k < B; k++) \
                if (send(fd_udp, &udp_payload, 1, 0) != 1) \
                    return errno ? errno : EIO; \
            int err = udp_receive(B); \
            if (err) \
                return err; \
        } \
        return 0; \
    } \
    static int run_sendmmsg_##B(long n) \
    { \
        for (long i = 0; i < n; i++) { \
            int r = sendmmsg(fd_udp, udp_send, B, 0); \
            if (r != B) \
                return r < 0 ? errno : EIO; \
            int err = udp_receive(B); \
            if (err) \
                return err; \
        } \
        return 0; \
    }
UDP_CASES(1)
UDP_CASES(8)
UDP_CASES(64)

/* ------------------------------------------------------------------- filter */
/* As `sysc batch filter`: two loopback UDP sockets connected to themselves (400 KiB receive buffer,
 * 1 s receive timeout), the second with the same four-instruction filter sysc attaches
 * (src/main/resources/dev/sysc/batch/wanted-datagram.bpf.tsv). Datagram i of a batch is wanted
 * ('W') when i % K == 0, else 'x'. */
#define FILTER_BATCH 100
static int fd_plain = -1, fd_filtered = -1;
static char filter_marks[2] = { 'W', 'x' };
static struct iovec filter_iov[2] = { { &filter_marks[0], 1 }, { &filter_marks[1], 1 } };
static struct mmsghdr filter_send_1[FILTER_BATCH], filter_send_10[FILTER_BATCH], filter_send_100[FILTER_BATCH];
static char filter_slot[8];

static int loopback_socket(int *fd)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    int rcvbuf = 4096 * FILTER_BATCH;
    struct timeval timeout = { 1, 0 };
    *fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (*fd < 0 ||
        setsockopt(*fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf) != 0 ||
        setsockopt(*fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) != 0 ||
        bind(*fd, (struct sockaddr *)&a, sizeof a) != 0 ||
        getsockname(*fd, (struct sockaddr *)&a, &len) != 0 ||
        connect(*fd, (struct sockaddr *)&a, sizeof a) != 0)
        return errno;
    return 0;
}

static void mark_batch(struct mmsghdr *vec, int k)
{
    for (int i = 0; i < FILTER_BATCH; i++) {
        vec[i].msg_hdr.msg_iov = &filter_iov[i % k == 0 ? 0 : 1];
        vec[i].msg_hdr.msg_iovlen = 1;
    }
}

static int prepare_filter(void)
{
    static struct sock_filter wanted[] = {
        { 0x30, 0, 0, 8 },          /* ldb [8]: the payload's first byte, after the UDP header */
        { 0x15, 0, 1, 0x57 },       /* jeq #'W' */
        { 0x06, 0, 0, 0xffffffff }, /* ret: keep it all */
        { 0x06, 0, 0, 0 },          /* ret 0: drop */
    };
    struct sock_fprog prog = { sizeof wanted / sizeof wanted[0], wanted };
    int err;
    if (fd_filtered >= 0)
        return 0; /* already set up by an earlier filter case */
    if ((err = loopback_socket(&fd_plain)) != 0 || (err = loopback_socket(&fd_filtered)) != 0)
        return err;
    if (setsockopt(fd_filtered, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog) != 0)
        return errno;
    mark_batch(filter_send_1, 1);
    mark_batch(filter_send_10, 10);
    mark_batch(filter_send_100, 100);
    return 0;
}

#define FILTER_CASES(K) \
    static int run_filter_discard_##K(long n) \
    { \
        for (long i = 0; i < n; i++) { \
            int wanted = 0; \
            if (sendmmsg(fd_plain, filter_send_##K, FILTER_BATCH, 0) != FILTER_BATCH) \
                return errno ? errno : EIO; \
            for (int j = 0; j < FILTER_BATCH; j++) { \
                if (recv(fd_plain, filter_slot, sizeof filter_slot, 0) != 1) \
                    return errno ? errno : EIO; \
                wanted += filter_slot[0] == 'W'; \
            } \
            if (wanted != (FILTER_BATCH + K - 1) / K) \
                return EIO; \
        } \
        return 0; \
    } \
    static int run_filter_bpf_##K(long n) \
    { \
        for (long i = 0; i < n; i++) { \
            if (sendmmsg(fd_filtered, filter_send_##K, FILTER_BATCH, 0) != FILTER_BATCH) \
                return errno ? errno : EIO; \
            for (int j = 0; j < (FILTER_BATCH + K - 1) / K; j++) \
                if (recv(fd_filtered, filter_slot, sizeof filter_slot, 0) != 1 || filter_slot[0] != 'W') \
                    return errno ? errno : EIO; \
        } \
        return 0; \
    }
FILTER_CASES(1)
FILTER_CASES(10)
FILTER_CASES(100)

static struct mmsghdr filter_send_none[FILTER_BATCH];

static int run_filter_send_only(long n)
{
    if (filter_send_none[0].msg_hdr.msg_iov == NULL)
        for (int i = 0; i < FILTER_BATCH; i++) {
            filter_send_none[i].msg_hdr.msg_iov = &filter_iov[1];
            filter_send_none[i].msg_hdr.msg_iovlen = 1;
        }
    for (long i = 0; i < n; i++)
        if (sendmmsg(fd_filtered, filter_send_none, FILTER_BATCH, 0) != FILTER_BATCH)
            return errno ? errno : EIO;
    return 0;
}

static int run_filter_send_kept(long n)
{
    part_timed = 1;
    for (long i = 0; i < n; i++) {
        long long t0 = now_ns();
        if (sendmmsg(fd_filtered, filter_send_1, FILTER_BATCH, 0) != FILTER_BATCH)
            return errno ? errno : EIO;
        part_ns += now_ns() - t0;
        for (int j = 0; j < FILTER_BATCH; j++)
            if (recv(fd_filtered, filter_slot, sizeof filter_slot, 0) != 1)
                return errno ? errno : EIO;
    }
    return 0;
}

/* Receive-only cases: a "call" is still one batch, but only its recv calls are timed (part_ns). */
#define FILTER_RECV_CASES(K) \
    static int run_filter_recv_discard_##K(long n) \
    { \
        part_timed = 1; \
        for (long i = 0; i < n; i++) { \
            int wanted = 0; \
            if (sendmmsg(fd_plain, filter_send_##K, FILTER_BATCH, 0) != FILTER_BATCH) \
                return errno ? errno : EIO; \
            long long t0 = now_ns(); \
            for (int j = 0; j < FILTER_BATCH; j++) { \
                if (recv(fd_plain, filter_slot, sizeof filter_slot, 0) != 1) \
                    return errno ? errno : EIO; \
                wanted += filter_slot[0] == 'W'; \
            } \
            part_ns += now_ns() - t0; \
            if (wanted != (FILTER_BATCH + K - 1) / K) \
                return EIO; \
        } \
        return 0; \
    } \
    static int run_filter_recv_bpf_##K(long n) \
    { \
        part_timed = 1; \
        for (long i = 0; i < n; i++) { \
            if (sendmmsg(fd_filtered, filter_send_##K, FILTER_BATCH, 0) != FILTER_BATCH) \
                return errno ? errno : EIO; \
            long long t0 = now_ns(); \
            for (int j = 0; j < (FILTER_BATCH + K - 1) / K; j++) \
                if (recv(fd_filtered, filter_slot, sizeof filter_slot, 0) != 1 || filter_slot[0] != 'W') \
                    return errno ? errno : EIO; \
            part_ns += now_ns() - t0; \
        } \
        return 0; \
    }
FILTER_RECV_CASES(1)
FILTER_RECV_CASES(10)
FILTER_RECV_CASES(100)

static int run_read(long n)
{
    for (long i = 0; i < n; i++) {
        ssize_t r = read(fd_zero, buf, 1);
        if (r != 1)
            return r < 0 ? errno : EIO;
    }
    return 0;
}

static int run_write(long n)
{
    for (long i = 0; i < n; i++) {
        ssize_t r = write(fd_null, buf, 1);
        if (r != 1)
            return r < 0 ? errno : EIO;
    }
    return 0;
}

static int run_fstat(long n)
{
    struct stat st;
    for (long i = 0; i < n; i++)
        if (fstat(fd_file, &st) != 0)
            return errno;
    return 0;
}

static int run_stat(long n)
{
    struct stat st;
    for (long i = 0; i < n; i++)
        if (stat(tmp_file, &st) != 0)
            return errno;
    return 0;
}

static int run_open_close(long n)
{
    for (long i = 0; i < n; i++) {
        int fd = open(tmp_file, O_RDONLY);
        if (fd < 0)
            return errno;
        if (close(fd) != 0)
            return errno;
    }
    return 0;
}

/*
 * mmap_munmap's cost depends on the process's address space, not only on the call: measured here, the
 * same loop costs about 4,200 ns in this program's tiny address space (some 20 mappings) and about
 * 3,200 ns once 50 or more other mappings exist, as in any real program (the JVM running sysc has about
 * 200). So that both sides measure the same situation, the case first adds extra_mappings small
 * mappings of alternating protection (they cannot merge), 200 by default, -m N to change it.
 */
static int extra_mappings = 200;

static int prepare_mappings(void)
{
    static int done;
    for (; done < extra_mappings; done++) {
        int prot = (done % 2) ? PROT_READ : PROT_READ | PROT_WRITE;
        if (mmap(NULL, 4096 * (1 + done % 3), prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED)
            return errno;
    }
    return 0;
}

static int run_mmap_munmap(long n)
{
    for (long i = 0; i < n; i++) {
        void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return errno;
        if (munmap(p, 4096) != 0)
            return errno;
    }
    return 0;
}

/* ---------------------------------------------------- kernel work (issue 17) */

static char *true_argv[] = { "/bin/true", NULL };
static char *empty_envp[] = { NULL };

static int run_spawn_wait(long n)
{
    for (long i = 0; i < n; i++) {
        pid_t pid;
        int status;
        int err = posix_spawn(&pid, "/bin/true", NULL, NULL, true_argv, empty_envp);
        if (err)
            return err;
        if (waitpid(pid, &status, 0) != pid)
            return errno;
    }
    return 0;
}

static void *noop_routine(void *arg)
{
    return arg;
}

static int run_thread_create(long n)
{
    for (long i = 0; i < n; i++) {
        pthread_t t;
        int err = pthread_create(&t, NULL, noop_routine, NULL);
        if (err)
            return err;
        if ((err = pthread_join(t, NULL)) != 0)
            return err;
    }
    return 0;
}

static volatile int *fault_page;
static volatile int *fault_file_page;

static int prepare_fault_page(void)
{
    if (fault_page == NULL) {
        void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return errno;
        fault_page = p;
    }
    return prepare_mappings();      /* the JVM's address space is large too; see mmap_munmap */
}

static int run_page_fault(long n)
{
    for (long i = 0; i < n; i++) {
        if (madvise((void *)fault_page, 4096, MADV_DONTNEED) != 0)
            return errno;
        *fault_page = 1;
    }
    return 0;
}

static int prepare_fault_file_page(void)
{
    int err = prepare_temp_file();
    if (err)
        return err;
    if (fault_file_page == NULL) {
        int fd = open(tmp_file, O_RDONLY);
        if (fd < 0)
            return errno;
        void *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
        err = p == MAP_FAILED ? errno : 0;
        close(fd);
        if (err)
            return err;
        fault_file_page = p;
    }
    return prepare_mappings();
}

static int run_page_fault_file(long n)
{
    for (long i = 0; i < n; i++) {
        if (madvise((void *)fault_file_page, 4096, MADV_DONTNEED) != 0)
            return errno;
        (void)*fault_file_page;     /* a volatile load: the compiler keeps it */
    }
    return 0;
}

static int signal_number;
static pid_t own_pid, own_tid;

static void noop_handler(int sig)
{
    (void)sig;
}

static int prepare_signal(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = noop_handler;
    sa.sa_flags = SA_RESTART;
    signal_number = SIGRTMIN + 5;
    own_pid = getpid();
    own_tid = gettid();
    return sigaction(signal_number, &sa, NULL) != 0 ? errno : 0;
}

static int run_signal_roundtrip(long n)
{
    for (long i = 0; i < n; i++)
        if (tgkill(own_pid, own_tid, signal_number) != 0)
            return errno;
    return 0;
}

static int pair_fds[2] = {-1, -1};  /* A and B of udp_roundtrip or tcp_roundtrip */

static int receive_timeout(int fd)
{
    struct timeval timeout = { 5, 0 };
    return setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
}

static int prepare_udp_pair(void)
{
    struct sockaddr_in a[2];
    socklen_t len = sizeof a[0];
    for (int k = 0; k < 2; k++) {
        memset(&a[k], 0, sizeof a[k]);
        a[k].sin_family = AF_INET;
        a[k].sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if ((pair_fds[k] = socket(AF_INET, SOCK_DGRAM, 0)) < 0 || receive_timeout(pair_fds[k]) != 0 ||
            bind(pair_fds[k], (struct sockaddr *)&a[k], sizeof a[k]) != 0 ||
            getsockname(pair_fds[k], (struct sockaddr *)&a[k], &len) != 0)
            return errno;
    }
    if (connect(pair_fds[0], (struct sockaddr *)&a[1], sizeof a[1]) != 0 ||
        connect(pair_fds[1], (struct sockaddr *)&a[0], sizeof a[0]) != 0)
        return errno;
    return 0;
}

static int prepare_tcp_pair(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    int one = 1;
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0 || bind(listener, (struct sockaddr *)&a, sizeof a) != 0 || listen(listener, 1) != 0 ||
        getsockname(listener, (struct sockaddr *)&a, &len) != 0)
        return errno;
    if ((pair_fds[0] = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
        connect(pair_fds[0], (struct sockaddr *)&a, sizeof a) != 0 ||
        (pair_fds[1] = accept(listener, NULL, NULL)) < 0)
        return errno;
    close(listener);
    for (int k = 0; k < 2; k++)
        if (setsockopt(pair_fds[k], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0 ||
            receive_timeout(pair_fds[k]) != 0)
            return errno;
    return 0;
}

/* One byte A -> B and back, each received before the next send: udp_roundtrip and tcp_roundtrip. */
static int run_pair_roundtrip(long n)
{
    char c = 'x';
    for (long i = 0; i < n; i++) {
        if (send(pair_fds[0], &c, 1, 0) != 1 || recv(pair_fds[1], &c, 1, 0) != 1 ||
            send(pair_fds[1], &c, 1, 0) != 1 || recv(pair_fds[0], &c, 1, 0) != 1)
            return errno ? errno : EIO;
    }
    return 0;
}

static int to_partner[2], from_partner[2];
static cpu_set_t ctx_cpu;

static void *echo_partner(void *arg)
{
    char c;
    (void)arg;
    sched_setaffinity(0, sizeof ctx_cpu, &ctx_cpu);
    while (read(to_partner[0], &c, 1) == 1 && write(from_partner[1], &c, 1) == 1)
        ;
    return NULL;
}

static int prepare_ctx_switch(void)
{
    cpu_set_t allowed;
    pthread_t partner;
    int last = -1;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        return errno;
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
        if (CPU_ISSET(cpu, &allowed))
            last = cpu;
    CPU_ZERO(&ctx_cpu);
    CPU_SET(last, &ctx_cpu);
    if (pipe(to_partner) != 0 || pipe(from_partner) != 0)
        return errno;
    int err = pthread_create(&partner, NULL, echo_partner, NULL);
    if (err)
        return err;
    return sched_setaffinity(0, sizeof ctx_cpu, &ctx_cpu) != 0 ? errno : 0;
}

static int run_ctx_switch(long n)
{
    for (long i = 0; i < n; i++) {
        if (write(to_partner[1], buf, 1) != 1)
            return errno ? errno : EIO;
        if (read(from_partner[0], buf, 1) != 1)
            return errno ? errno : EIO;
    }
    return 0;
}
/*
 * return_stack_D / frames_D (D = 1, 2, 4, 8, 16): the return-stack penalty, measured independently of
 * sysc's generated code. D nested C functions, each calling the next and adding to its result (the
 * empty asm keeps the compiler from turning the call into a jump); the innermost makes getpid with an
 * inline syscall instruction (return_stack_D) or returns at once (frames_D). The penalty per frame is
 * the slope of return_stack_D - frames_D over D; bench/return-stack fits it and sets it beside sysc's.
 */
#define BOTTOM(name, crossing) \
    static __attribute__((noinline)) long name(void) \
    { \
        long r = 0; \
        if (crossing) { \
            r = 39; /* getpid */ \
            __asm__ volatile("syscall" : "+a"(r) : : "rcx", "r11", "memory"); \
        } \
        __asm__ volatile("" : "+r"(r)); \
        return r; \
    }
#define LEVEL(name, next) \
    static __attribute__((noinline)) long name(void) \
    { \
        long r = next(); \
        __asm__ volatile("" : "+r"(r)); \
        return r + 1; \
    }
#define CHAIN(p, crossing) \
    BOTTOM(p##1, crossing) LEVEL(p##2, p##1) LEVEL(p##3, p##2) LEVEL(p##4, p##3) LEVEL(p##5, p##4) \
    LEVEL(p##6, p##5) LEVEL(p##7, p##6) LEVEL(p##8, p##7) LEVEL(p##9, p##8) LEVEL(p##10, p##9) \
    LEVEL(p##11, p##10) LEVEL(p##12, p##11) LEVEL(p##13, p##12) LEVEL(p##14, p##13) LEVEL(p##15, p##14) \
    LEVEL(p##16, p##15)
CHAIN(crossing_, 1)
CHAIN(plain_, 0)
#define RUN_CHAIN(name, fn) \
    static int name(long n) \
    { \
        for (long i = 0; i < n; i++) \
            if (fn() < 0) \
                return EINVAL; \
        return 0; \
    }
RUN_CHAIN(run_return_stack_1, crossing_1)
RUN_CHAIN(run_return_stack_2, crossing_2)
RUN_CHAIN(run_return_stack_4, crossing_4)
RUN_CHAIN(run_return_stack_8, crossing_8)
RUN_CHAIN(run_return_stack_16, crossing_16)
RUN_CHAIN(run_frames_1, plain_1)
RUN_CHAIN(run_frames_2, plain_2)
RUN_CHAIN(run_frames_4, plain_4)
RUN_CHAIN(run_frames_8, plain_8)
RUN_CHAIN(run_frames_16, plain_16)

struct bench_case {
    const char *name;
    int (*prepare)(void);
    int (*run)(long n);
};

static const struct bench_case cases[] = {
    { "getppid",               prepare_none,      run_getppid },
    { "getpid",                prepare_none,      run_getpid },
    { "enosys",                prepare_none,      run_enosys },
    { "clock_gettime_syscall", prepare_none,      run_clock_gettime_syscall },
    { "clock_gettime_vdso",    prepare_none,      run_clock_gettime_vdso },
    { "gettimeofday_vsyscall", prepare_none,      run_gettimeofday_vsyscall },
    { "gettimeofday_vdso",     prepare_none,      run_gettimeofday_vdso },
    { "gettimeofday_syscall",  prepare_none,      run_gettimeofday_syscall },
    { "read",                  prepare_read,      run_read },
    { "write",                 prepare_write,     run_write },
    { "fstat",                 prepare_fstat,     run_fstat },
    { "stat",                  prepare_temp_file, run_stat },
    { "open_close",            prepare_temp_file, run_open_close },
    { "mmap_munmap",           prepare_mappings,  run_mmap_munmap },
    { "sched_yield",           prepare_none,      run_sched_yield },
    { "pipe_roundtrip",        prepare_pipe,      run_pipe_roundtrip },
    { "io_uring_nop_1",        prepare_ring,      run_io_uring_nop_1 },
    { "io_uring_nop_8",        prepare_ring,      run_io_uring_nop_8 },
    { "io_uring_nop_64",       prepare_ring,      run_io_uring_nop_64 },
    { "writev_1",              prepare_writev,    run_writev_1 },
    { "writev_16",             prepare_writev,    run_writev_16 },
    { "writev_64",             prepare_writev,    run_writev_64 },
    { "sendto_loop_1",         prepare_udp,       run_sendto_loop_1 },
    { "sendto_loop_8",         prepare_udp,       run_sendto_loop_8 },
    { "sendto_loop_64",        prepare_udp,       run_sendto_loop_64 },
    { "sendmmsg_1",            prepare_udp,       run_sendmmsg_1 },
    { "sendmmsg_8",            prepare_udp,       run_sendmmsg_8 },
    { "sendmmsg_64",           prepare_udp,       run_sendmmsg_64 },
    { "spawn_wait",            prepare_none,      run_spawn_wait },
    { "thread_create",         prepare_none,      run_thread_create },
    { "page_fault",            prepare_fault_page, run_page_fault },
    { "page_fault_file",       prepare_fault_file_page, run_page_fault_file },
    { "signal_roundtrip",      prepare_signal,    run_signal_roundtrip },
    { "udp_roundtrip",         prepare_udp_pair,  run_pair_roundtrip },
    { "tcp_roundtrip",         prepare_tcp_pair,  run_pair_roundtrip },
    { "filter_discard_1",      prepare_filter,    run_filter_discard_1 },
    { "filter_discard_10",     prepare_filter,    run_filter_discard_10 },
    { "filter_discard_100",    prepare_filter,    run_filter_discard_100 },
    { "filter_bpf_1",          prepare_filter,    run_filter_bpf_1 },
    { "filter_bpf_10",         prepare_filter,    run_filter_bpf_10 },
    { "filter_bpf_100",        prepare_filter,    run_filter_bpf_100 },
    { "filter_send_only",      prepare_filter,    run_filter_send_only },
    { "filter_send_kept",      prepare_filter,    run_filter_send_kept },
    { "filter_recv_discard_1", prepare_filter,    run_filter_recv_discard_1 },
    { "filter_recv_discard_10", prepare_filter,   run_filter_recv_discard_10 },
    { "filter_recv_discard_100", prepare_filter,  run_filter_recv_discard_100 },
    { "filter_recv_bpf_1",     prepare_filter,    run_filter_recv_bpf_1 },
    { "filter_recv_bpf_10",    prepare_filter,    run_filter_recv_bpf_10 },
    { "filter_recv_bpf_100",   prepare_filter,    run_filter_recv_bpf_100 },
    { "return_stack_1",        prepare_none,      run_return_stack_1 },
    { "return_stack_2",        prepare_none,      run_return_stack_2 },
    { "return_stack_4",        prepare_none,      run_return_stack_4 },
    { "return_stack_8",        prepare_none,      run_return_stack_8 },
    { "return_stack_16",       prepare_none,      run_return_stack_16 },
    { "frames_1",              prepare_none,      run_frames_1 },
    { "frames_2",              prepare_none,      run_frames_2 },
    { "frames_4",              prepare_none,      run_frames_4 },
    { "frames_8",              prepare_none,      run_frames_8 },
    { "frames_16",             prepare_none,      run_frames_16 },
    { "ctx_switch",            prepare_ctx_switch, run_ctx_switch },  /* pins the main thread: keep last */
};
#define NCASES ((int)(sizeof cases / sizeof cases[0]))

/* ------------------------------------------------------------ measurement */

struct samples {
    double *v;
    size_t len, cap;
};

static void push(struct samples *s, double x)
{
    if (s->len == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 8192;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (s->v == NULL) {
            perror("realloc");
            exit(1);
        }
    }
    s->v[s->len++] = x;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(struct samples *s)
{
    qsort(s->v, s->len, sizeof *s->v, cmp_double);
    size_t m = s->len / 2;
    return (s->len % 2) ? s->v[m] : (s->v[m - 1] + s->v[m]) / 2.0;
}

/* Times one batch of n calls; returns 0 and sets *ns, or returns an errno. A case that times only
 * part of each call sets part_timed and adds that part to part_ns: then *ns is the part. */
static int time_batch(const struct bench_case *c, long n, long long *ns)
{
    part_ns = 0;
    part_timed = 0;
    long long t0 = now_ns();
    int err = c->run(n);
    *ns = now_ns() - t0;
    if (part_timed)
        *ns = part_ns;
    return err;
}

/* Batch size that makes a batch last about BATCH_TARGET_NS. */
static long batch_for(double ns_per_call)
{
    double n = (double)BATCH_TARGET_NS / (ns_per_call > 0.1 ? ns_per_call : 0.1);
    return n < 1.0 ? 1 : (long)n;
}

/* Runs batches of n for about `budget` ns, recording per-call times. */
static int run_for(const struct bench_case *c, long n, long long budget,
                   struct samples *out)
{
    long long end = now_ns() + budget;
    do {
        long long ns;
        int err = time_batch(c, n, &ns);
        if (err)
            return err;
        push(out, (double)ns / (double)n);
    } while (now_ns() < end);
    return 0;
}

/* Measures one case; returns 0 and sets *result, or returns an errno. */
static int measure(const struct bench_case *c, double *result)
{
    int err = c->prepare();
    if (err)
        return err;

    /* 1. calibrate: double n until a batch lasts >= 50 us, then rescale. */
    long n = 1;
    long long ns = 0;
    for (;;) {
        if ((err = time_batch(c, n, &ns)) != 0)
            return err;
        if (ns >= BATCH_TARGET_NS)
            break;
        n *= 2;
    }
    n = batch_for((double)ns / (double)n);

    /* 2. warm up, then re-derive n from the (now warm) per-call median. */
    struct samples s = { 0 };
    if ((err = run_for(c, n, WARMUP_NS, &s)) == 0) {
        n = batch_for(median(&s));
        s.len = 0;
        /* 3. measure. */
        if ((err = run_for(c, n, MEASURE_NS, &s)) == 0)
            *result = median(&s);
    }
    free(s.v);
    return err;
}

/* ------------------------------------------------------------------- main */

static const char *errno_name(int err)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    const char *name = strerrorname_np(err);
    if (name != NULL)
        return name;
#endif
    static char num[32];
    snprintf(num, sizeof num, "errno_%d", err);
    return num;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: reference [-c CPU] [-s] [-m MAPPINGS] [case ...]\ncases:");
    for (int i = 0; i < NCASES; i++)
        fprintf(f, " %s", cases[i].name);
    fprintf(f, "\n");
}

static const struct bench_case *find_case(const char *name)
{
    for (int i = 0; i < NCASES; i++)
        if (strcmp(cases[i].name, name) == 0)
            return &cases[i];
    return NULL;
}

static void *idle_thread(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

int main(int argc, char **argv)
{
    int opt;
    int single_threaded = 0;
    while ((opt = getopt(argc, argv, "c:shm:")) != -1) {
        if (opt == 's') {
            single_threaded = 1;
        } else if (opt == 'm') {
            extra_mappings = atoi(optarg);
        } else if (opt == 'c') {
            char *end;
            long cpu = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || cpu < 0 || cpu >= CPU_SETSIZE) {
                fprintf(stderr, "reference: bad CPU number '%s'\n", optarg);
                return 2;
            }
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET((int)cpu, &set);
            if (sched_setaffinity(0, sizeof set, &set) != 0) {
                fprintf(stderr, "reference: cannot pin to CPU %ld: %s\n",
                        cpu, strerror(errno));
                return 1;
            }
        } else {
            usage(opt == 'h' ? stdout : stderr);
            return opt == 'h' ? 0 : 2;
        }
    }

    /* Validate all names before running anything. */
    for (int i = optind; i < argc; i++) {
        if (find_case(argv[i]) == NULL) {
            fprintf(stderr, "reference: unknown case '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }

    if (!single_threaded) {
        pthread_t idle;
        if (pthread_create(&idle, NULL, idle_thread, NULL) != 0) {
            fprintf(stderr, "reference: cannot start the idle thread\n");
            return 1;
        }
    }

    atexit(remove_temp_file);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);

    int nsel = argc - optind;
    for (int i = 0; i < (nsel ? nsel : NCASES); i++) {
        const struct bench_case *c = nsel ? find_case(argv[optind + i]) : &cases[i];
        double med = 0.0;
        int err = measure(c, &med);
        if (err)
            printf("%s error %s\n", c->name, errno_name(err));
        else
            printf("%s %.1f\n", c->name, med);
        fflush(stdout);
    }
    return 0;
}
