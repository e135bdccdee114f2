import Foundation
import HubCore

/// The user's config file, where remotes live.
enum UserConfig {
    static func path(environment: [String: String]) -> String? {
        ConfigLoader.files(root: nil, environment: environment).last
    }

    static func remotes(environment: [String: String]) -> [RemoteSettings] {
        let (settings, problems) = ConfigLoader.load(root: nil, environment: environment)
        for problem in problems where problem.message.hasPrefix("remotes") { Output.error("\(problem.path): \(problem.message)") }
        return settings.remotes.values.sorted { $0.name < $1.name }
    }

    static func remote(_ name: String, environment: [String: String]) throws -> RemoteSettings {
        let remotes = remotes(environment: environment)
        guard let remote = remotes.first(where: { $0.name == name }) else {
            throw UsageError("no remote named \(Quote.short(name))" + (remotes.isEmpty ? " (none is set: sessions-hub remote add NAME --ssh me@host --root ~/work/ws)"
                : " (remotes: \(remotes.map(\.name).joined(separator: ", ")))" + Suggest.phrase(name, among: remotes.map(\.name))))
        }
        return remote
    }
}
