/** Light, dark, or the system's theme: a three-way switch in the header. */
import { THEMES, type Theme } from '../../store/viewSlice';

const LABEL: Record<Theme, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

export function ThemeSwitch({ theme, onChange }: { theme: Theme; onChange(theme: Theme): void }) {
  return (
    <fieldset className="theme-switch">
      <legend className="visually-hidden">Theme</legend>
      {THEMES.map((t) => (
        <label key={t} className={t === theme ? 'is-on' : undefined}>
          <input type="radio" name="theme" value={t} checked={t === theme} onChange={() => onChange(t)} />
          <span>{LABEL[t]}</span>
        </label>
      ))}
    </fieldset>
  );
}
