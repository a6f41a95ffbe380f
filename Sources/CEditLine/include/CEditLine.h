// libedit's readline interface plus the few setters Swift cannot write itself:
// Swift 6 will not assign C global function pointers such as
// rl_attempted_completion_function, so tiny C functions do it.
#ifndef THAW_CEDITLINE_H
#define THAW_CEDITLINE_H
#include <stdio.h>
#include <editline/readline.h>

/// Called by readline for each completion candidate; return a malloc'd string, or NULL when done.
typedef char *(*thaw_completion_generator)(const char *text, int state);

/// Routes tab completion to `generator`, and makes `.` part of a word so layer paths complete whole.
void thaw_set_completion(thaw_completion_generator generator);

/// Installs a SIGINT handler that only raises a flag (async-signal-safe); training polls it.
void thaw_install_sigint_flag(void);
/// Restores the default SIGINT behaviour.
void thaw_restore_sigint(void);
/// Returns 1 if SIGINT arrived since the last call, and clears the flag.
int thaw_take_sigint(void);
/// Reads the flag without clearing it.
int thaw_peek_sigint(void);
/// The start offset of the word being completed in rl_line_buffer.
int thaw_completion_start(void);

#endif
