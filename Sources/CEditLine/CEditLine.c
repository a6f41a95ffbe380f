#include "CEditLine.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <unistd.h>

// MARK: Line editor set-up

// readline() draws the prompt before el_gets switches the terminal to raw mode, so keys
// typed in that window are cooked by the tty: a Ctrl-D becomes an end-of-file marker that
// libedit later reads as NUL (lost), characters are echoed twice. The pre-input hook runs
// after readline() has recorded the cooked settings (tty_init) and before the prompt is
// drawn: going raw there closes the window, and readline() still restores cooked mode after.
static int raw_before_prompt(void) {
    rl_prep_terminal(1);
    return 0;
}

static int read_key(FILE *stream);

void thaw_editline_prepare(const char *program_name) {
    rl_readline_name = program_name;
    // libedit's handlers (EL_SIGNAL) would catch SIGINT during read, then re-raise it with
    // kill(0, SIGINT) to the whole process group; ours is enough and touches only us.
    rl_catch_signals = 0;
    rl_pre_input_hook = raw_before_prompt;
    rl_getc_function = read_key;  // must be set before rl_initialize, which installs it
    rl_initialize();
    // libedit 3.1-20221030 rings the bell even when Tab completed a word uniquely, so every
    // completion would beep. The readline API has no bell setting, but rl_parse_and_bind
    // takes editrc commands: make the bell capability a harmless "reset attributes" instead
    // (not on a dumb terminal, which would print the escape sequence as text).
    const char *term = getenv("TERM");
    if (term == NULL || strcmp(term, "dumb") != 0) rl_parse_and_bind("settc bl \033[m");
}

// MARK: Completion

static const char word_breaks[] = " \t\n\"'=;(),";
static thaw_completion_generator current_generator = NULL;
static int completion_start = 0;

static char **thaw_attempt_completion(const char *text, int start, int end) {
    (void)end;
    completion_start = start;
    rl_attempted_completion_over = 1;  // never fall back to file names
    rl_completion_append_character = ' ';
    if (current_generator == NULL) return NULL;
    char **matches = rl_completion_matches(text, current_generator);
    // A single match that ends inside a path (`net.blocks.`, `runs/`) is a step, not a
    // finished word: no space after it, so the next Tab can go on.
    if (matches != NULL && matches[0] != NULL && matches[1] == NULL) {
        size_t length = strlen(matches[0]);
        if (length > 0 && (matches[0][length - 1] == '.' || matches[0][length - 1] == '/'))
            rl_completion_append_character = '\0';
    }
    return matches;
}

void thaw_set_completion(thaw_completion_generator generator) {
    current_generator = generator;
    rl_attempted_completion_function = thaw_attempt_completion;
    // libedit's rl_complete reads rl_basic_word_break_characters; set both for readline parity.
    rl_basic_word_break_characters = word_breaks;
    rl_completer_word_break_characters = (char *)word_breaks;
}

const char *thaw_completion_word_breaks(void) { return word_breaks; }
int thaw_completion_start(void) { return completion_start; }
const char *thaw_completion_line(void) { return rl_line_buffer != NULL ? rl_line_buffer : ""; }
int thaw_completion_cursor(void) { return rl_point; }

// MARK: SIGINT

static volatile sig_atomic_t sigint_seen = 0;
// Ctrl-Cs that arrived, while a command ran, with the flag still unread.
static volatile sig_atomic_t unheeded_presses = 0;
static volatile sig_atomic_t running_command = 0;
static volatile sig_atomic_t sigint_total = 0;
// The self-pipe: the handler writes a byte, so a reader waiting in poll() wakes up even if
// the signal landed just before it started waiting (or on another thread, e.g. OpenBLAS's).
static int wake_pipe[2] = {-1, -1};

static void on_sigint(int signo) {
    (void)signo;
    int saved_errno = errno;
    sigint_total += 1;
    if (running_command && sigint_seen) {
        unheeded_presses += 1;
        if (unheeded_presses >= 2) {
            static const char message[] =
                "\nthaw: the command did not stop after three Ctrl-C; quitting.\n";
            ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
            (void)ignored;
            _exit(130);
        }
    }
    sigint_seen = 1;
    if (wake_pipe[1] >= 0) {
        ssize_t ignored = write(wake_pipe[1], "", 1);  // non-blocking: a full pipe is awake enough
        (void)ignored;
    }
    errno = saved_errno;
}

static void drain_wake_pipe(void) {
    char sink[64];
    if (wake_pipe[0] < 0) return;
    while (read(wake_pipe[0], sink, sizeof sink) > 0) {}
}

static void install(int flags) {
    if (wake_pipe[0] < 0) {
        if (pipe(wake_pipe) == 0) {
            for (int end = 0; end < 2; end++) {
                fcntl(wake_pipe[end], F_SETFL, fcntl(wake_pipe[end], F_GETFL) | O_NONBLOCK);
                fcntl(wake_pipe[end], F_SETFD, FD_CLOEXEC);
            }
        } else {
            wake_pipe[0] = wake_pipe[1] = -1;  // still works, minus the wake-up
        }
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    action.sa_flags = flags;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

void thaw_sigint_waiting_for_input(void) {
    running_command = 0;
    unheeded_presses = 0;
    install(0);
}

void thaw_sigint_running_command(void) {
    unheeded_presses = 0;
    running_command = 1;
    install(SA_RESTART);
}

void thaw_install_sigint_flag(void) { thaw_sigint_running_command(); }

void thaw_restore_sigint(void) {
    running_command = 0;
    signal(SIGINT, SIG_DFL);
}

int thaw_take_sigint(void) {
    // An atomic exchange, so a Ctrl-C landing between the read and the clear is not lost.
    int seen = __atomic_exchange_n(&sigint_seen, 0, __ATOMIC_SEQ_CST);
    unheeded_presses = 0;
    if (seen) drain_wake_pipe();  // commands poll this every step: no syscall when idle
    return seen;
}

int thaw_peek_sigint(void) { return sigint_seen; }

int thaw_sigint_count(void) { return sigint_total; }

// MARK: Reading keys

// libedit's own reader calls read() and only notices Ctrl-C if the signal interrupts that
// very read(): a press landing while libedit is between reads (drawing the echo of the last
// key) raised the flag but left readline() waiting. This reader checks the flag, then waits
// in poll() on the terminal and the self-pipe, so no press is missed. Returning -1 makes
// readline() return NULL, as at end of input; the shell tells the two apart by the flag.
// libedit stores the int it returns as a wide character, so multibyte input is decoded
// here (mbrtowc, in the locale the shell set), as libedit's reader would.
static int read_key(FILE *stream) {
    int fd = fileno(stream != NULL ? stream : stdin);
    char bytes[MB_LEN_MAX];
    size_t length = 0;
    for (;;) {
        if (sigint_seen) return -1;
        struct pollfd waiting[2] = {{fd, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
        int ready = poll(waiting, wake_pipe[0] >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (wake_pipe[0] >= 0 && (waiting[1].revents & POLLIN)) {
            if (sigint_seen) return -1;
            drain_wake_pipe();  // a byte left from a press already handled
        }
        if ((waiting[0].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
        ssize_t count = read(fd, bytes + length, 1);
        if (count < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return -1;
        }
        if (count == 0) return -1;  // end of input
        length += 1;
        wchar_t character;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t result = mbrtowc(&character, bytes, length, &state);
        if (result == (size_t)-2 && length < sizeof bytes) continue;  // more bytes to come
        if (result == (size_t)-1 || result == (size_t)-2) {  // invalid: drop it, as libedit does
            length = 0;
            continue;
        }
        return (int)character;
    }
}

int thaw_finish_stdout(void) {
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) return errno != 0 ? errno : EIO;
    return 0;
}
