/// `[dispatch]` and the per-agent `[agents.<id>]` keys: how the hub starts agents and hands them
/// their one-liner. Every command remembers the file it came from: one from the workspace's own
/// `.coderef/hub.toml` runs only once that file is trusted.
public struct DispatchSettings: Equatable, Sendable {
    public enum Prompt: String, Sendable, CaseIterable {
        /// Start the agent, wait until it is ready, paste the one-liner, press Enter.
        case paste
        /// Pass the one-liner as the command's last argument.
        case argument
    }

    public enum Place: String, Sendable, CaseIterable {
        case window, pane
    }

    public struct Command: Equatable, Sendable {
        public var text: String
        /// The config file that set it.
        public var source: String?

        public init(_ text: String, source: String? = nil) {
            self.text = text
            self.source = source
        }
    }

    public struct AgentOverride: Equatable, Sendable {
        public var command: Command?
        public var prompt: Prompt?
        public init(command: Command? = nil, prompt: Prompt? = nil) {
            self.command = command
            self.prompt = prompt
        }
    }

    public var command = Command("claude")
    public var prompt = Prompt.paste
    /// A regular expression on the pane's text meaning "ready for input"; nil: quiet for a moment.
    public var readyPattern: String?
    public var longForm = false
    public var place = Place.window
    /// How long an agent may take to become ready before the paste is given up.
    public var readyTimeout: Double = 30
    /// How long the pane must stay unchanged to count as ready (without a pattern).
    public var quietPeriod: Double = 0.8
    public var agents: [String: AgentOverride] = [:]

    public init() {}

    public func command(for agent: String) -> Command { agents[agent]?.command ?? command }
    public func prompt(for agent: String) -> Prompt { agents[agent]?.prompt ?? prompt }
}
