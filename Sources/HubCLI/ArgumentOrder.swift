import HubCore

/// Lets workspace options come before the subcommand name (`sessions-hub --root D status`).
/// ArgumentParser binds options to the command they follow, and the root command has none of its
/// own (its default subcommand is the screen), so leading workspace options are moved after the
/// subcommand name before parsing. Anything else is left exactly as given.
enum ArgumentOrder {
    static let valueOptions: Set<String> = ["--root", "--stubs-dir", "--archived-stubs-dir", "--sessions-dir", "--workorders-dir", "--projects-dir", "--poll", "--theme"]

    /// `--poll` takes an optional value: alone (before an option, a command or nothing) it means every
    /// second; before any other word that is not a number of milliseconds, it is a mistake said plainly.
    static func expandPoll(_ arguments: [String], subcommands: Set<String>) throws -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--poll" {
                let next = index + 1 < arguments.count ? arguments[index + 1] : ""
                if Int(next) == nil {
                    guard next.isEmpty || next.hasPrefix("-") || subcommands.contains(next) else {
                        throw UsageError("--poll takes milliseconds (--poll 500), or nothing for every second; '\(TerminalText.sanitize(next))' is not a number")
                    }
                    result.append("--poll=1000")
                    continue
                }
            }
            result.append(argument)
        }
        return result
    }

    static func normalize(_ rawArguments: [String], subcommands: Set<String>) throws -> [String] {
        let arguments = try expandPoll(rawArguments, subcommands: subcommands)
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return arguments }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if valueOptions.contains(name) {
                if argument.contains("=") {
                    leading.append(argument)
                    index += 1
                } else {
                    leading.append(argument)
                    if index + 1 < arguments.count { leading.append(arguments[index + 1]) }
                    index += 2
                }
                continue
            }
            if subcommands.contains(argument) && !leading.isEmpty {
                return [argument] + leading + arguments[(index + 1)...]
            }
            return arguments
        }
        return arguments
    }

    /// An unknown command, which ArgumentParser would answer with "Unexpected argument": the screen
    /// takes no words, so the first word must name a command.
    static func checkCommand(_ arguments: [String], subcommands: Set<String>) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" || argument.hasPrefix("---") { return }
            if argument.hasPrefix("-") {
                let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
                // `--poll` takes its value only when it is a number (alone it means every second).
                let pollValue = name == "--poll" && index + 1 < arguments.count && Int(arguments[index + 1]) != nil
                let takesValue = (valueOptions.contains(name) && name != "--poll") || name == "--generate-completion-script" || pollValue
                index += takesValue && !argument.contains("=") ? 2 : 1
                continue
            }
            guard !subcommands.contains(argument), argument != "help" else { return }
            let visible = SessionsHubCommand.configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
            throw UsageError("unknown command '\(TerminalText.sanitize(argument))'" + Suggest.phrase(argument, among: visible)
                + " (commands: \(visible.joined(separator: ", ")); 'sessions-hub --help' says more)")
        }
    }
}
