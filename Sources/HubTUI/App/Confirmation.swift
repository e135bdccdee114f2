/// How a yes/no dialog reads a key, from the keymap's dialog scope. A dialog that comes with a
/// warning defaults to No: Enter then cancels and only the other confirm keys (`y`) go ahead, so a
/// reflexive Enter never does the risky thing.
enum Confirmation: Equatable {
    case yes, no, neither

    init(_ key: Key, keymap: Keymap = .standard, defaultsToNo: Bool = false) {
        switch keymap.command(for: key, in: .dialog) {
        case .confirm?: self = defaultsToNo && key == .enter ? .no : .yes
        case .cancel?: self = .no
        default: self = defaultsToNo && key == .enter ? .no : .neither
        }
    }

    /// The footer's words for the two answers ("Enter/y archive   Esc/n cancel"), from the keymap.
    static func footer(_ verb: String, keymap: Keymap = .standard, defaultsToNo: Bool = false) -> String {
        let yes = keymap.keyNames(for: .confirm, in: .dialog, excluding: defaultsToNo ? [.enter] : [])
        let no = keymap.keyNames(for: .cancel, in: .dialog)
        return "\(yes) \(verb)   \(defaultsToNo ? "Enter/" : "")\(no) cancel"
    }
}
