import type { ChangeEvent, ReactNode } from 'react';
import {
  Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton, Select,
  SelectOption, Textarea, Textbox,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

export interface Option {
  value: string;
  label: string;
}

export interface OptionGroup {
  label: string;
  options: Option[];
}

interface BaseFieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  required?: boolean;
}

/** The ids of the description and the error message, for aria-describedby. */
function describedBy(id: string, description: ReactNode, error: string | null | undefined): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function RequiredMark({ required }: { required?: boolean }) {
  const { t } = useTranslation();
  return required ? <span className="wl-required"> {t('form.required')}</span> : null;
}

function Description({ id, children }: { id: string; children: ReactNode }) {
  return children ? <FormFieldDescription id={`${id}-description`}>{children}</FormFieldDescription> : null;
}

function ErrorMessage({ id, error }: { id: string; error?: string | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <FormFieldErrorMessage id={`${id}-error`} className="wl-error">
      <span className="wl-visually-hidden">{t('form.errorPrefix')} </span>
      {error}
    </FormFieldErrorMessage>
  );
}

interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'search' | 'date';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  maxLength?: number;
  size?: 'small' | 'medium' | 'full';
  spellCheck?: boolean;
  min?: number;
  max?: number;
}

export function TextField({
  id, label, description, error, required, value, onChange, type = 'text', autoComplete, inputMode, maxLength, size = 'full', spellCheck, min, max,
}: TextFieldProps) {
  return (
    <FormField invalid={Boolean(error)} className="wl-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          <RequiredMark required={required} />
        </FormLabel>
      </div>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} error={error} />
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={id}
          type={type}
          className={`wl-input wl-input--${size}`}
          value={value}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required={required}
          aria-describedby={describedBy(id, description, error)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          spellCheck={spellCheck}
          min={min}
          max={max}
        />
      </div>
    </FormField>
  );
}

interface TextareaFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  rows?: number;
  /** Shows "n of max characters" under the field. */
  counter?: string;
}

export function TextareaField({ id, label, description, error, required, value, onChange, maxLength, rows = 5, counter }: TextareaFieldProps) {
  const counterId = counter !== undefined ? `${id}-counter` : null;
  const described = [describedBy(id, description, error), counterId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(error)} className="wl-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          <RequiredMark required={required} />
        </FormLabel>
      </div>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} error={error} />
      <div className="utrecht-form-field__input">
        <Textarea
          id={id}
          name={id}
          className="wl-input wl-input--full"
          value={value}
          rows={rows}
          maxLength={maxLength}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required={required}
          aria-describedby={described}
        />
      </div>
      {counter !== undefined && (
        <FormFieldDescription id={counterId ?? undefined} className="wl-counter">
          {counter}
        </FormFieldDescription>
      )}
    </FormField>
  );
}

interface SelectFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  groups?: OptionGroup[];
  /** The text of the empty first option; false for no empty option. */
  placeholder?: string | false;
}

export function SelectField({ id, label, description, error, required, value, onChange, options, groups, placeholder }: SelectFieldProps) {
  const { t } = useTranslation();
  return (
    <FormField invalid={Boolean(error)} className="wl-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          <RequiredMark required={required} />
        </FormLabel>
      </div>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} error={error} />
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          name={id}
          className="wl-input wl-input--full"
          value={value}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required={required}
          aria-describedby={describedBy(id, description, error)}
        >
          {placeholder !== false && <SelectOption value="">{placeholder ?? t('form.choose')}</SelectOption>}
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
          {groups?.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <SelectOption key={option.value} value={option.value}>
                  {option.label}
                </SelectOption>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

interface CheckboxFieldProps extends BaseFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  role?: 'switch';
}

export function CheckboxField({ id, label, description, error, required, checked, onChange, role }: CheckboxFieldProps) {
  return (
    <FormField invalid={Boolean(error)} className="wl-field wl-field--check">
      <ErrorMessage id={id} error={error} />
      <div className="wl-check">
        <Checkbox
          id={id}
          name={id}
          role={role}
          checked={checked}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
          invalid={Boolean(error)}
          required={required}
          aria-describedby={describedBy(id, description, error)}
        />
        <FormLabel htmlFor={id} type="checkbox" className="wl-check__label">
          {label}
          <RequiredMark required={required} />
        </FormLabel>
      </div>
      <Description id={id}>{description}</Description>
    </FormField>
  );
}

interface RadioGroupFieldProps extends BaseFieldProps {
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
}

/** A group of radio buttons in a fieldset; the legend names the question. */
export function RadioGroupField({ id, name, label, description, error, required, value, onChange, options }: RadioGroupFieldProps) {
  return (
    <Fieldset id={id} invalid={Boolean(error)} className="wl-fieldset wl-fieldset--radio" aria-describedby={describedBy(id, description, error)}>
      <FieldsetLegend className="wl-legend">
        {label}
        <RequiredMark required={required} />
      </FieldsetLegend>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} error={error} />
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div className="wl-check" key={option.value}>
            <RadioButton
              id={optionId}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              invalid={Boolean(error)}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            <FormLabel htmlFor={optionId} type="radio" className="wl-check__label">
              {option.label}
            </FormLabel>
          </div>
        );
      })}
    </Fieldset>
  );
}

interface CheckboxGroupFieldProps extends BaseFieldProps {
  values: string[];
  onChange: (values: string[]) => void;
  options: Option[];
}

/** Several checkboxes for one list value (teams, routes). */
export function CheckboxGroupField({ id, label, description, error, values, onChange, options }: CheckboxGroupFieldProps) {
  return (
    <Fieldset id={id} invalid={Boolean(error)} className="wl-fieldset" aria-describedby={describedBy(id, description, error)}>
      <FieldsetLegend className="wl-legend">{label}</FieldsetLegend>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} error={error} />
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const checked = values.includes(option.value);
        return (
          <div className="wl-check" key={option.value}>
            <Checkbox
              id={optionId}
              checked={checked}
              invalid={Boolean(error)}
              onChange={(event: ChangeEvent<HTMLInputElement>) =>
                onChange(event.target.checked ? [...values, option.value] : values.filter((v) => v !== option.value))
              }
            />
            <FormLabel htmlFor={optionId} type="checkbox" className="wl-check__label">
              {option.label}
            </FormLabel>
          </div>
        );
      })}
    </Fieldset>
  );
}

/** Focus the first field marked invalid inside a container (after the server named the fields). */
export function focusFirstInvalid(container: HTMLElement | null): boolean {
  const first = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!first) return false;
  first.focus();
  return true;
}
