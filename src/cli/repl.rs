//! The REPL, as lua.c's: each entry is tried first as an expression (`1 + 1` prints 2),
//! then as statements; an entry whose syntax error ends at `<eof>` is incomplete and
//! takes another line (`>> `); values are printed, errors shown, and the loop goes on.
//!
//! On a terminal, lines come from rustyline (editing, history kept in a file); otherwise
//! plain lines are read from standard input, without prompts, so a pipe can drive it.

use std::io::{BufRead, Write as _};
use std::path::PathBuf;

use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

use super::args::VERSION;
use super::session::{Entry, Session};

/// What reading a line gave.
enum Read {
    /// A line, without its newline.
    Line(Vec<u8>),
    /// Ctrl-C: the entry being typed is abandoned.
    Abandon,
    /// The end of input.
    End,
}

/// Where the REPL's lines come from.
trait Lines {
    /// The next line.
    fn read(&mut self, prompt: &str) -> anyhow::Result<Read>;
    /// Records a complete entry in the history.
    fn remember(&mut self, _entry: &[u8]) {}
}

/// Runs the REPL until the end of input. On a terminal, it first prints the version (unless
/// `-v` did already) and keeps its history in `history`.
pub fn run(
    session: &mut Session,
    history: Option<PathBuf>,
    version_shown: bool,
) -> anyhow::Result<()> {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        if !version_shown {
            let _ = writeln!(std::io::stdout(), "{VERSION}");
        }
        let mut lines = Terminal::new(history)?;
        repl(session, &mut lines)?;
        // lua.c ends the last prompt's line when the input ends.
        let _ = writeln!(std::io::stdout());
        Ok(())
    } else {
        repl(session, &mut Piped(std::io::stdin().lock()))
    }
}

fn repl(session: &mut Session, lines: &mut dyn Lines) -> anyhow::Result<()> {
    loop {
        let mut entry = match lines.read("> ")? {
            Read::Line(line) => line,
            Read::Abandon => continue,
            Read::End => return Ok(()),
        };
        let mut first = true;
        let outcome = loop {
            match session.run_entry(&entry, first) {
                Ok(Entry::Incomplete(message)) => match lines.read(">> ")? {
                    Read::Line(more) => {
                        entry.push(b'\n');
                        entry.extend_from_slice(&more);
                        first = false;
                    }
                    Read::Abandon => break Ok(()),
                    // The input ended inside the entry: its syntax error stands.
                    Read::End => break Err(message),
                },
                Ok(Entry::Done) => break Ok(()),
                Err(failure) => break Err(failure.describe()),
            }
        };
        lines.remember(&entry);
        if let Err(message) = outcome {
            // As in lua.c's REPL, errors are shown without the program name.
            let _ = std::io::stdout().flush();
            let _ = writeln!(std::io::stderr().lock(), "{message}");
        }
    }
}

/// Lines from a pipe or a file.
struct Piped<R>(R);

impl<R: BufRead> Lines for Piped<R> {
    fn read(&mut self, _prompt: &str) -> anyhow::Result<Read> {
        let mut line = Vec::new();
        if self.0.read_until(b'\n', &mut line)? == 0 {
            return Ok(Read::End);
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        Ok(Read::Line(line))
    }
}

/// Lines typed at a terminal, with editing and history.
struct Terminal {
    editor: DefaultEditor,
    history: Option<PathBuf>,
}

impl Terminal {
    fn new(history: Option<PathBuf>) -> anyhow::Result<Terminal> {
        let mut editor = DefaultEditor::new()?;
        if let Some(file) = &history {
            // No history yet (or an unreadable one) only means starting without it.
            let _ = editor.load_history(file);
        }
        Ok(Terminal { editor, history })
    }
}

impl Lines for Terminal {
    fn read(&mut self, prompt: &str) -> anyhow::Result<Read> {
        match self.editor.readline(prompt) {
            Ok(line) => Ok(Read::Line(line.into_bytes())),
            // Ctrl-C abandons the entry being typed, as in a shell.
            Err(ReadlineError::Interrupted) => Ok(Read::Abandon),
            Err(ReadlineError::Eof) => Ok(Read::End),
            Err(e) => Err(e.into()),
        }
    }

    fn remember(&mut self, entry: &[u8]) {
        let entry = String::from_utf8_lossy(entry);
        if entry.trim().is_empty() {
            return;
        }
        let _ = self.editor.add_history_entry(entry.as_ref());
        if let Some(file) = &self.history {
            // History is a convenience: a directory that cannot be written costs only it.
            if let Some(dir) = file.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = self.editor.save_history(file);
        }
    }
}
