#include "CEditLine.h"
#include <signal.h>
#include <string.h>

static thaw_completion_generator current_generator = NULL;
static volatile sig_atomic_t sigint_seen = 0;
static int completion_start = 0;

static char **thaw_attempt_completion(const char *text, int start, int end) {
    (void)end;
    completion_start = start;
    rl_attempted_completion_over = 1;  // never fall back to file names
    if (current_generator == NULL) return NULL;
    return rl_completion_matches(text, current_generator);
}

void thaw_set_completion(thaw_completion_generator generator) {
    current_generator = generator;
    rl_attempted_completion_function = thaw_attempt_completion;
    rl_basic_word_break_characters = " \t\n\"'=;(),";
    rl_completer_word_break_characters = " \t\n\"'=;(),";
}

int thaw_completion_start(void) { return completion_start; }

static void on_sigint(int signo) {
    (void)signo;
    sigint_seen = 1;
}

void thaw_install_sigint_flag(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

void thaw_restore_sigint(void) { signal(SIGINT, SIG_DFL); }

int thaw_take_sigint(void) {
    int seen = sigint_seen;
    sigint_seen = 0;
    return seen;
}

int thaw_peek_sigint(void) { return sigint_seen; }
