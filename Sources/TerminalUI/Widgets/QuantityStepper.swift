/// A number between a minimum and a maximum, stepped with + and - or typed in digits.
///
/// Draws as `- 2 +`; a sign that cannot be used (at the bound) is dim. Typing digits
/// replaces the value, clamped to the bounds; Backspace removes the last digit.
public struct QuantityStepper: Widget {
    /// The current value, always within `range`.
    public private(set) var value: Int
    /// The allowed values.
    public var range: ClosedRange<Int> {
        didSet { value = min(max(value, range.lowerBound), range.upperBound) }
    }
    /// How much + and - change the value.
    public var step: Int

    private var typing = false

    public init(value: Int = 0, range: ClosedRange<Int> = 0...99, step: Int = 1) {
        self.range = range
        self.step = max(1, step)
        self.value = min(max(value, range.lowerBound), range.upperBound)
    }

    /// Sets the value, clamped to the range.
    public mutating func set(_ newValue: Int) {
        value = min(max(newValue, range.lowerBound), range.upperBound)
    }

    public mutating func handle(_ key: Key, keymap: Keymap) -> Outcome {
        let before = value
        switch WidgetCommand.resolve(key, in: keymap, scopes: ["stepper"]) {
        case .stepperIncrease?:
            typing = false
            set(value + step)
        case .stepperDecrease?:
            typing = false
            set(value - step)
        default:
            guard typeDigit(key) else { return .ignored }
        }
        return value == before ? .handled : .changed
    }

    private mutating func typeDigit(_ key: Key) -> Bool {
        switch key {
        case .character(let scalar) where ("0"..."9").contains(scalar):
            let digit = Int(scalar.value - 0x30)
            let typed = typing ? value * 10 + digit : digit
            set(typed > range.upperBound ? digit : typed)
            typing = true
            return true
        case .backspace:
            set(value / 10)
            typing = true
            return true
        default:
            return false
        }
    }

    public mutating func draw(in canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0 else { return }
        let digits = max(String(range.upperBound).count, String(range.lowerBound).count)
        let minus: Role = value > range.lowerBound ? .button : .dim
        let plus: Role = value < range.upperBound ? .button : .dim
        var column = canvas.put("-", row: 0, column: 0, role: minus)
        column = canvas.put(" ", row: 0, column: column, role: .normal)
        canvas.put(
            String(value), row: 0, column: column, width: digits, alignment: .right,
            role: focused ? .selected : .input)
        column = canvas.put(" ", row: 0, column: column + digits, role: .normal)
        canvas.put("+", row: 0, column: column, role: plus)
    }
}
