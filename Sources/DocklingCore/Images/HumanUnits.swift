/// Sizes and ages spelled as docker spells them (go-units' HumanSize and HumanDuration).
public enum HumanUnits {
    /// `1.99MB`, `421B`, `12.3kB`: decimal units, three significant digits.
    public static func size(_ bytes: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB"]
        var value = Double(bytes)
        var unit = 0
        while unit < units.count - 1 && value.rounded() >= 1000 {
            value /= 1000
            unit += 1
        }
        return significant(value) + units[unit]
    }

    /// `2 minutes`, `About an hour`, `3 weeks`.
    public static func duration(seconds: Double) -> String {
        let whole = Int(seconds)
        let minutes = Int((seconds / 60).rounded(.down))
        let hours = Int((seconds / 3600).rounded())
        switch true {
        case whole < 1: return "Less than a second"
        case whole == 1: return "1 second"
        case whole < 60: return "\(whole) seconds"
        case minutes == 1: return "About a minute"
        case minutes < 60: return "\(minutes) minutes"
        case hours == 1: return "About an hour"
        case hours < 48: return "\(hours) hours"
        case hours < 24 * 7 * 2: return "\(hours / 24) days"
        case hours < 24 * 30 * 2: return "\(hours / 24 / 7) weeks"
        case hours < 24 * 365 * 2: return "\(hours / 24 / 30) months"
        default: return "\(Int(seconds / 3600 / 24 / 365)) years"
        }
    }

    /// Three significant digits without trailing zeros, like C's `%.3g` for 0 ≤ x < 1000.
    static func significant(_ value: Double) -> String {
        let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        var text = String(scaled / Int64(scale))
        if decimals > 0 {
            var fraction = String(scaled % Int64(scale))
            while fraction.count < decimals { fraction = "0" + fraction }
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return text
    }
}
