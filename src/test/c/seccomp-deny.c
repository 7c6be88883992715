/*
 * seccomp-deny NR ERRNO -- COMMAND [ARG...]
 *
 * Test helper: installs a seccomp filter that makes system call NR fail with ERRNO (every other call
 * is allowed), then runs COMMAND. sysc's tests use it to check that a call the kernel refuses is
 * reported as refused, with its errno, and never as a cost. No libseccomp needed: the filter is four
 * classic-BPF instructions.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: seccomp-deny NR ERRNO -- COMMAND [ARG...]\n");
        return 2;
    }
    unsigned int nr = (unsigned int)atoi(argv[1]);
    unsigned int err = (unsigned int)atoi(argv[2]);
    struct sock_filter code[] = {
        /* Any other architecture's calls (e.g. 32-bit int 0x80) are not ours to judge: allow. */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (err & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {.len = sizeof code / sizeof code[0], .filter = code};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
        fprintf(stderr, "seccomp-deny: cannot install the filter: %s\n", strerror(errno));
        return 3;
    }
    execvp(argv[4], &argv[4]);
    fprintf(stderr, "seccomp-deny: cannot run %s: %s\n", argv[4], strerror(errno));
    return 127;
}
