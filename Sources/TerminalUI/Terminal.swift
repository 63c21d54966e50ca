// TerminalUI: the Terminal protocol, its ncursesw implementation and the widgets.
