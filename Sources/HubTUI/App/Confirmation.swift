/// How a yes/no dialog reads a key. A dialog that comes with a warning defaults to No: Enter then
/// cancels and only `y` goes ahead, so a reflexive Enter never does the risky thing.
enum Confirmation: Equatable {
    case yes, no, neither

    init(_ key: Key, defaultsToNo: Bool = false) {
        switch key {
        case .character("y"), .character("Y"): self = .yes
        case .enter: self = defaultsToNo ? .no : .yes
        case .escape, .character("n"), .character("N"), .character("q"): self = .no
        default: self = .neither
        }
    }

    /// The footer's words for the two answers ("Enter/y archive   Esc/n cancel").
    static func footer(_ verb: String, defaultsToNo: Bool = false) -> String {
        defaultsToNo ? "y \(verb)   Enter/Esc/n cancel" : "Enter/y \(verb)   Esc/n cancel"
    }
}
