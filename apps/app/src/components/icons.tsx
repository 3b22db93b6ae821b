/** The Bluezone mark: the Bluetooth rune in two rings (the same drawing as the app icon). */
export function BluezoneMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 512 512" aria-hidden focusable="false">
      <rect width="512" height="512" rx="112" fill="#0b5cad" />
      <circle cx="256" cy="256" r="168" fill="none" stroke="#7cc4ff" strokeWidth="20" opacity=".55" />
      <circle cx="256" cy="256" r="112" fill="none" stroke="#b9e0ff" strokeWidth="20" opacity=".8" />
      <path
        d="M192 196 L320 304 L256 360 L256 152 L320 208 L192 316"
        fill="none"
        stroke="#fff"
        strokeWidth="26"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The Bluetooth rune alone, for the Bluetooth state. */
export function BluetoothRune({ color, size = 24 }: { color: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden focusable="false">
      <path
        d="M6 7l11 9.5-5 4.5V3l5 4.5L6 17"
        fill="none"
        stroke={color}
        strokeWidth="2.2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
