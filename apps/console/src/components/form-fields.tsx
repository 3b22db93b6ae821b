import { NumberInput, type NumberInputProps, TextInput, type TextInputProps } from '@mantine/core';

/** A text input whose `onChange` gets the text (for a `useState` setter). */
export function TextField({
  onChange,
  ...props
}: Omit<TextInputProps, 'onChange'> & { onChange: (value: string) => void }) {
  return <TextInput {...props} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** A number input whose `onChange` gets a number; an empty or zero entry reads as 1. */
export function CountField({
  onChange,
  ...props
}: Omit<NumberInputProps, 'onChange'> & { onChange: (value: number) => void }) {
  return <NumberInput {...props} onChange={(v) => onChange(Number(v) || 1)} />;
}
