import Foundation

/// Ways to put text on the clipboard.
public enum ClipboardMethod: String, CaseIterable, Sendable {
    case tmux, osc52, wlCopy = "wl-copy", xclip, xsel, pbcopy

    public static let defaultOrder: [ClipboardMethod] = [.tmux, .osc52, .wlCopy, .xclip, .xsel, .pbcopy]
}
