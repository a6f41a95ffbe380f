// libedit's readline interface plus the few setters Swift cannot write itself:
// Swift 6 will not assign C global function pointers such as
// rl_attempted_completion_function, nor touch mutable C globals like rl_catch_signals
// or rl_line_buffer without concurrency errors, so tiny C functions do it.
// How the pieces fit (and why SIGINT works this way) is written up in docs/shell.md.
#ifndef THAW_CEDITLINE_H
#define THAW_CEDITLINE_H
#include <stdio.h>
#include <editline/readline.h>

// MARK: Line editor set-up

/// Prepares libedit before its first use: names the program (for `~/.editrc` sections),
/// turns off libedit's own signal handlers (`rl_catch_signals = 0`, so SIGINT is ours alone
/// and libedit never re-sends it to the whole process group), installs a key reader that
/// notices Ctrl-C whenever it lands, switches the terminal to raw mode before the prompt is
/// drawn, silences the bell, and initialises readline.
/// Call once, before readline(), read_history() or thaw_set_completion().
void thaw_editline_prepare(const char *program_name);

// MARK: Completion

/// Called by readline for each completion candidate; return a malloc'd string, or NULL when done.
typedef char *(*thaw_completion_generator)(const char *text, int state);

/// Routes tab completion to `generator`, and makes `.` part of a word so layer paths complete whole.
void thaw_set_completion(thaw_completion_generator generator);

/// The characters that end a word for completion (`.` is deliberately not one of them).
const char *thaw_completion_word_breaks(void);
/// The start offset, in characters, of the word being completed.
int thaw_completion_start(void);
/// The whole line being edited (UTF-8), valid during a completion callback.
const char *thaw_completion_line(void);
/// The cursor position in the line being edited, in characters (not bytes), during completion.
int thaw_completion_cursor(void);

// MARK: SIGINT

/// Installs the SIGINT handler for reading a line at the prompt: it raises the flag and wakes
/// the key reader that thaw_editline_prepare installed, which ends readline() with NULL (the
/// line is abandoned, not run). No SA_RESTART, so a plain blocking read (getline, for piped
/// input) fails with EINTR too.
void thaw_sigint_waiting_for_input(void);
/// Installs the SIGINT handler for running a command: it raises a flag that the command
/// polls, with SA_RESTART so the command's own reads and writes are not cut short. If the
/// flag is still unread at the third Ctrl-C, the command is not listening: the process says
/// so on stderr and exits with status 130.
void thaw_sigint_running_command(void);
/// Kept for callers that want the flag without the prompt/command distinction (running mode).
void thaw_install_sigint_flag(void);
/// Restores the default SIGINT behaviour.
void thaw_restore_sigint(void);
/// Returns 1 if SIGINT arrived since the last call, and clears the flag.
int thaw_take_sigint(void);
/// Reads the flag without clearing it.
int thaw_peek_sigint(void);
/// How many SIGINTs arrived since the process started (never cleared), so the shell can
/// tell that a command was interrupted even after the command consumed the flag.
int thaw_sigint_count(void);

/// Flushes stdio's stdout; returns the errno of a failed write since the start (0 if none).
/// Here because Swift 6 rejects the C global `stdout` as shared mutable state, and `print`
/// writes through it: a write that failed sets only the stream's error flag.
int thaw_finish_stdout(void);

#endif
