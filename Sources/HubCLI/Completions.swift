import ArgumentParser
import Foundation
import HubCore

/// Shell completion of the workspace's own names (stubs, sessions, agents), asked by the scripts
/// `--generate-completion-script` writes. Folder listings only (and one session file for its
/// agents), so a completion answers at once even in a large workspace. Names that would need quoting
/// are never offered (`HostileNames.isCompletionWord`).
enum Completions {
    static let stubs = CompletionKind.custom { words, _, prefix in names(words) { $0.stubNames() }.filter { $0.hasPrefix(prefix) } }
    static let sessions = CompletionKind.custom { words, _, prefix in names(words) { $0.sessionNames() }.filter { $0.hasPrefix(prefix) } }
    static let sessionsAndStubs = CompletionKind.custom { words, _, prefix in names(words) { $0.sessionNames() + $0.stubNames() }.filter { $0.hasPrefix(prefix) } }
    static let agents = CompletionKind.custom { words, _, prefix in
        names(words) { workspace in
            // The session is the first word after the command that is not an option.
            let session = positionals(words).first ?? ""
            return workspace.agentIds(of: session) + ["orchestrator"]
        }.filter { $0.hasPrefix(prefix) }
    }

    static func names(_ words: [String], _ list: (CompletionNames) -> [String]) -> [String] {
        var explicit: String?
        for (index, word) in words.enumerated() {
            if word == "--root", index + 1 < words.count { explicit = words[index + 1] }
            if word.hasPrefix("--root=") { explicit = String(word.dropFirst("--root=".count)) }
        }
        guard let root = try? WorkspaceDiscovery.resolveRoot(explicit: explicit) else { return [] }
        // The names are the workspace author's: only those a shell takes literally are offered
        // (bash's compgen -W would run `$(…)` in a folder's name).
        return HostileNames.completionWords(list(CompletionNames(root: root)))
    }

    /// The words after the command's name that are not options or option values.
    static func positionals(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 2
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("-") {
                index += ArgumentOrder.valueOptions.contains(word) ? 2 : 1
                continue
            }
            result.append(word)
            index += 1
        }
        return result
    }
}
