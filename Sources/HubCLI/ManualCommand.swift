import ArgumentParser
import Foundation
import HubCore
import HubTUI

/// `sessions-hub manual`: sessions-hub(1) in roff, generated from the argument parser's definitions
/// (every command's usage and options) and the keymap the screen dispatches with, plus the files,
/// configuration and environment. `make install` writes it to share/man/man1/.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the sessions-hub(1) manual page (roff).",
        shouldDisplay: false
    )

    func run() throws {
        Output.write(ManualPage.roff())
    }
}

enum ManualPage {
    static func roff() -> String {
        var out = ".TH SESSIONS-HUB 1 \"\" \"sessions-hub \(HubVersion.string)\" \"User Commands\"\n"
        out += ".SH NAME\nsessions-hub \\- \(escape(SessionsHubCommand.configuration.abstract))\n"
        out += ".SH SYNOPSIS\n.B sessions-hub\n[\\fIcommand\\fR] [\\fIoptions\\fR]\n"
        out += ".SH DESCRIPTION\n" + escape(SessionsHubCommand.configuration.discussion) + "\n"
        out += ".SH COMMANDS\n"
        for command in SessionsHubCommand.configuration.subcommands where command.configuration.shouldDisplay {
            let name = command.configuration.commandName ?? ""
            out += ".SS \(escape(name))\n" + escape(command.configuration.abstract) + "\n"
            if !command.configuration.discussion.isEmpty { out += ".PP\n" + escape(command.configuration.discussion) + "\n" }
            let help = SessionsHubCommand.helpMessage(for: command, columns: 78)
            // Usage and options as the parser prints them (the overview is already above).
            let body = help.range(of: "USAGE:").map { String(help[$0.lowerBound...]) } ?? help
            out += ".PP\n.nf\n" + body.split(separator: "\n", omittingEmptySubsequences: false).map { escapeLine(String($0)) }.joined(separator: "\n") + "\n.fi\n"
        }
        out += ".SH KEYS\nIn the screen (press ? there for the same list):\n"
        for binding in Keymap.standard.bindings {
            out += ".TP\n.B \(escape(binding.keys.map(\.description).joined(separator: " ")))\n\(escape(binding.help)) [\(binding.command.configName)]\n"
        }
        out += """
        .SH FILES
        .TP
        .I coderef/working/<feature>/stub.json
        Stubs: ideas waiting to become sessions.
        .TP
        .I coderef/sessions/<feature>-phase<N>/ \\fRand\\fI .coderef/sessions/
        Sessions: communication.json (who works on it and each agent's status), instructions.json, README.md.
        .TP
        .I <project>/coderef/workorder/<name>/plan.json
        Workorders the agents create in their own project folders.
        .TP
        .I .coderef/sessions-hub/
        The hub's own state: handoffs.json (copies and dispatches), history.jsonl (status changes seen).
        .TP
        .I .coderef/hub.toml
        The workspace's configuration (agent commands in it run only once trusted: sessions-hub trust).
        .TP
        .I $XDG_CONFIG_HOME/sessions-hub/config.toml
        The user's configuration; \\fItrusted\\fR beside it remembers trusted workspace files.
        .TP
        .I $PREFIX/share/sessions-hub/themes/
        Shipped themes (default, light, mono); the user's own in ~/.config/sessions-hub/themes/.
        .SH CONFIGURATION
        TOML; the workspace's file wins over the user's, flags over both.
        .B sessions-hub config
        prints every value and where it came from. Sections: [workspace] stubs, sessions, new_sessions,
        projects; [start] default_orchestrator; [clipboard] order, long_form; [handoff]
        not_picked_up_after_minutes; [watch] stale_after_minutes, recheck_minutes, bell_on_complete;
        [notify] bell, title, desktop; [ui] theme; [keys] action = key(s); [dispatch] command, prompt,
        ready_pattern, form, where, ready_timeout_seconds, quiet_seconds; [agents.<id>] path, command, prompt.
        .SH ENVIRONMENT
        .TP
        .B NO_COLOR
        Draw without colours.
        .TP
        .B XDG_CONFIG_HOME
        Where config.toml, trusted and themes/ are looked for (default ~/.config).
        .TP
        .B TMUX
        Inside tmux: copies go to tmux's buffer, and d/D/dispatch open agents in windows beside the hub.
        .TP
        .B VISUAL\\fR, \\fBEDITOR
        The editor e opens (VISUAL first).
        .TP
        .B LANG\\fR, \\fBLC_ALL\\fR, \\fBLC_CTYPE
        A locale that is not UTF-8 draws in ASCII.
        .TP
        .B SESSIONS_HUB_MOUSE
        0 leaves the mouse to the terminal.
        .SH EXIT STATUS
        0 on success, 1 when something failed (or doctor found an error), 2 for a usage error
        (an unknown command, stub, session or agent, a missing terminal).
        .SH SEE ALSO
        .BR tmux (1)

        """
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "\n.", with: "\n\\&.").replacingOccurrences(of: "\n'", with: "\n\\&'")
    }

    static func escapeLine(_ line: String) -> String {
        let escaped = line.replacingOccurrences(of: "\\", with: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
