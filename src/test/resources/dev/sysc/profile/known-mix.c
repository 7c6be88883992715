/* A program whose system calls are known by construction, for ProfilerTest.
 *   mix:     1000 getppid, 300 one-byte writes to /dev/null, 200 clock_gettime through syscall(2),
 *            and a forked child making 100 getppid; exits 3.
 *   threads: 4 threads making 250 getppid each; exits 0.
 *   killed:  100 getppid, then SIGKILL to itself (exit status 128 + 9).
 *   loop N:  N getppid (for the overhead measurement). */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void getppids(long n) {
    for (long i = 0; i < n; i++) {
        syscall(SYS_getppid);
    }
}

static void *quarter(void *unused) {
    getppids(250);
    return unused;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "mix";
    if (strcmp(mode, "threads") == 0) {
        pthread_t t[4];
        for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, quarter, NULL);
        for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
        return 0;
    }
    if (strcmp(mode, "killed") == 0) {
        getppids(100);
        kill(getpid(), SIGKILL);
        return 1;
    }
    if (strcmp(mode, "loop") == 0) {
        getppids(atol(argv[2]));
        return 0;
    }
    getppids(1000);
    int fd = open("/dev/null", O_WRONLY);
    for (int i = 0; i < 300; i++) write(fd, "x", 1);
    struct timespec ts;
    for (int i = 0; i < 200; i++) syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
    pid_t child = fork();
    if (child == 0) {
        getppids(100);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    return 3;
}
