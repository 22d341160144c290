// libedit for tally's REPL. el_set/el_get/history are C variadic functions, which Swift
// cannot call, so each use tally needs is a small fixed-argument wrapper here. The SIGINT
// flag lives here too: a signal handler may only touch a volatile sig_atomic_t.
#ifndef TALLY_CLINEEDIT_SHIM_H
#define TALLY_CLINEEDIT_SHIM_H

#include <histedit.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <sys/select.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <unistd.h>

// Ctrl-C: the handler only records it. Installed without SA_RESTART so that a read in
// el_gets returns with EINTR and the prompt can clear the line.
static volatile sig_atomic_t tally_interrupted_flag = 0;

static inline pthread_t *tally_main_thread(void) {
    static pthread_t slot;
    return &slot;
}

// The kernel hands SIGINT to any thread that does not block it — a Dispatch worker as well
// as the main thread waiting in pselect, which then waits on until the next key. A worker
// that gets it only passes it on (pthread_kill is async-signal-safe): the flag is set on the
// main thread alone, so a Ctrl-C cannot be seen by the prompt, cleared, and then arrive a
// second time from the worker.
static void tally_on_sigint(int signo) {
    (void)signo;
    if (pthread_equal(pthread_self(), *tally_main_thread())) tally_interrupted_flag = 1;
    else pthread_kill(*tally_main_thread(), SIGINT);
}

static inline int tally_install_sigint(void) {
    *tally_main_thread() = pthread_self();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tally_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, NULL);
}

static inline int tally_interrupted(void) { return tally_interrupted_flag != 0; }
static inline void tally_clear_interrupt(void) { tally_interrupted_flag = 0; }

// The terminal opened a second time with O_NONBLOCK, for tally_read_char; -1 if it could
// not be. A file description of its own, so the flag never reaches the shell that shares
// standard input's.
static inline int *tally_input_slot(void) {
    static int fd = -1;
    return &fd;
}

static inline void tally_open_input(void) {
    if (*tally_input_slot() >= 0) return;
    const char *name = ttyname(STDIN_FILENO);
    if (name != NULL) *tally_input_slot() = open(name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
}

// One byte if one is waiting, else -1 with EAGAIN: never blocks. Without the second
// descriptor, standard input is made non-blocking for this one read and set back at once.
static int tally_read_waiting_byte(char *byte) {
    int fd = *tally_input_slot();
    if (fd >= 0) return (int)read(fd, byte, 1);
    int flags = fcntl(STDIN_FILENO, F_GETFL);
    if (flags < 0) return -1;
    if (fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK) < 0) return -1;
    int n = (int)read(STDIN_FILENO, byte, 1);
    int saved = errno;
    fcntl(STDIN_FILENO, F_SETFL, flags);
    errno = saved;
    return n;
}

// libedit's own reader retries a read interrupted by a signal once, and a Ctrl-C that
// lands just before a read (while the prompt is being drawn) interrupts nothing, so one
// Ctrl-C could be swallowed until the next key. This reader keeps SIGINT blocked except
// inside pselect, which unblocks it atomically: a Ctrl-C at any moment ends the wait, and
// el_gets returns NULL with count -1. It decodes UTF-8 as libedit does.
// The read after pselect must not block: a Ctrl-C makes the terminal discard the keys not
// yet read (ISIG without NOFLSH), so the key pselect saw can be gone when read() asks for
// it, and a blocking read() would wait, SIGINT still blocked, for the next key, which then
// lands on the old line (issue 13; about one Ctrl-C in twenty typed while keys were still
// arriving). Nothing there: back to pselect, which delivers the waiting Ctrl-C.
static int tally_read_char(EditLine *el, wchar_t *out) {
    (void)el;
    sigset_t blocked, waiting;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGINT);
    sigprocmask(SIG_BLOCK, &blocked, &waiting);
    sigdelset(&waiting, SIGINT);
    mbstate_t state;
    memset(&state, 0, sizeof state);
    int result = -1;
    for (;;) {
        if (tally_interrupted_flag) { errno = EINTR; break; }
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(STDIN_FILENO, &readable);
        if (pselect(STDIN_FILENO + 1, &readable, NULL, NULL, NULL, &waiting) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        char byte;
        int n = tally_read_waiting_byte(&byte);
        if (n == 0) { result = 0; break; }
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            break;
        }
        wchar_t wc;
        size_t used = mbrtowc(&wc, &byte, 1, &state);
        if (used == (size_t)-2) continue;            // more bytes of this character to come
        if (used == (size_t)-1) {                    // not UTF-8: drop it, as libedit does
            memset(&state, 0, sizeof state);
            continue;
        }
        *out = (used == 0) ? L'\0' : wc;
        result = 1;
        break;
    }
    sigprocmask(SIG_UNBLOCK, &blocked, NULL);
    return result;
}

typedef char *(*tally_prompt_fn)(EditLine *);
typedef unsigned char (*tally_command_fn)(EditLine *, int);

static inline void tally_el_configure(EditLine *el, History *hist, tally_prompt_fn prompt, void *client) {
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 0);
    el_set(el, EL_PROMPT, prompt);
    el_set(el, EL_HIST, history, hist);
    el_set(el, EL_CLIENTDATA, client);
    el_set(el, EL_GETCFN, tally_read_char);
    tally_open_input();
}

static inline void tally_el_bind_completion(EditLine *el, tally_command_fn fn) {
    el_set(el, EL_ADDFN, "tally-complete", "complete the word before the cursor", fn);
    el_set(el, EL_BIND, "^I", "tally-complete", NULL);
}

static inline void *tally_el_client(EditLine *el) {
    void *client = NULL;
    el_get(el, EL_CLIENTDATA, &client);
    return client;
}

static inline int tally_el_cursor_offset(const LineInfo *info) {
    return (int)(info->cursor - info->buffer);
}

static inline int tally_el_length(const LineInfo *info) {
    return (int)(info->lastchar - info->buffer);
}

static inline History *tally_history_init(int size) {
    History *hist = history_init();
    HistEvent ev;
    if (hist) {
        history(hist, &ev, H_SETSIZE, size);
        history(hist, &ev, H_SETUNIQUE, 1);
    }
    return hist;
}

static inline void tally_history_enter(History *hist, const char *line) {
    HistEvent ev;
    history(hist, &ev, H_ENTER, line);
}

// libedit decodes input with mbrtowc: under LANG=C (or env -i) it drops every Chinese byte.
static inline void tally_use_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0)) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
}

// ioctl is variadic too.
static inline int tally_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

#endif
