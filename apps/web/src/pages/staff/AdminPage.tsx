import { useCallback, useEffect, useState } from 'react';
import {
  Alert, Button, Heading1, Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { DEFAULT_RULESET_VERSION, NATIONAL, RULESET_VERSIONS, STAFF_ROLES, TEAMS, type RegionSettings, type StaffRole, type Team, type User } from '../../api/types';
import { ScrollTable } from '../../components/ScrollTable';
import { CheckboxField, CheckboxGroupField, SelectField, TextareaField, TextField } from '../../components/FormFields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useStaff } from '../../components/StaffSession';
import { useAction } from '../../components/useAction';
import { useDocumentTitle } from '../../components/useDocumentTitle';

const USER_FIELDS = ['username', 'password', 'role', 'regionCodes', 'teams', 'maxOpenCases', 'active', 'available'];
const SETTINGS_FIELDS = ['baseRoute', 'autoAssignTeams', 'handoffResponseHours', 'rulesetVersion', 'healthConsent', 'sla'];

function parseRegionCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '')
    .map((code) => (code.toLowerCase() === NATIONAL ? NATIONAL : code.toUpperCase()));
}

function parseMax(text: string): number | null {
  const n = Number.parseInt(text.trim(), 10);
  return Number.isFinite(n) ? n : null;
}

interface UserDraft {
  username: string;
  password: string;
  role: StaffRole;
  regionCodes: string;
  teams: string[];
  maxOpenCases: string;
  active: boolean;
}

function draftOf(user: User | null): UserDraft {
  return {
    username: user?.username ?? '',
    password: '',
    role: user?.role ?? 'case_worker',
    regionCodes: user?.regionCodes.join(', ') ?? '',
    teams: user?.teams ?? [],
    maxOpenCases: typeof user?.maxOpenCases === 'number' ? String(user.maxOpenCases) : '',
    active: user?.active ?? true,
  };
}

/** Create an account (user null) or change one. */
function UserForm({ user, onSaved, onCancel }: { user: User | null; onSaved: (message: string) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [draft, setDraft] = useState<UserDraft>(() => draftOf(user));
  const prefix = user === null ? 'new-user' : `edit-user`;
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const teamOptions = TEAMS.map((team) => ({ value: team, label: t(`team.${team}`) }));

  const submit = () => {
    const common = {
      role: draft.role,
      regionCodes: parseRegionCodes(draft.regionCodes),
      teams: draft.teams as Team[],
      maxOpenCases: parseMax(draft.maxOpenCases),
    };
    if (user === null) {
      void action
        .run(
          () => api.POST('/api/v1/admin/users', { body: { ...common, username: draft.username.trim(), password: draft.password } }),
          (created) => t('admin.users.created', { username: created?.username ?? draft.username }),
        )
        .then((done) => {
          if (done !== null) {
            setDraft(draftOf(null));
            onSaved(t('admin.users.created', { username: draft.username }));
          }
        });
    } else {
      void action
        .run(
          () =>
            api.PATCH('/api/v1/admin/users/{id}', {
              params: { path: { id: user.id } },
              body: { ...common, active: draft.active, ...(draft.password !== '' ? { password: draft.password } : {}) },
            }),
          () => t('admin.users.saved', { username: user.username }),
        )
        .then((done) => {
          if (done !== null) onSaved(t('admin.users.saved', { username: user.username }));
        });
    }
  };

  return (
    <form
      ref={action.formRef}
      noValidate
      className="wl-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div tabIndex={-1} className="wl-focus-target">
        <ProblemAlert problem={action.problem} shownFields={USER_FIELDS} />
      </div>
      {user === null && (
        <TextField
          id={`${prefix}-username`}
          label={t('admin.users.username')}
          description={t('admin.users.usernameHint')}
          required
          value={draft.username}
          onChange={(v) => set('username', v)}
          autoComplete="off"
          spellCheck={false}
          error={action.errorFor('username')}
        />
      )}
      <TextField
        id={`${prefix}-password`}
        label={user === null ? t('admin.users.password') : t('admin.users.newPassword')}
        description={t('admin.users.passwordHint')}
        required={user === null}
        type="password"
        autoComplete="new-password"
        value={draft.password}
        onChange={(v) => set('password', v)}
        error={action.errorFor('password')}
      />
      <SelectField
        id={`${prefix}-role`}
        label={t('admin.users.role')}
        required
        placeholder={false}
        value={draft.role}
        onChange={(v) => set('role', v as StaffRole)}
        options={STAFF_ROLES.map((role) => ({ value: role, label: t(`staffRole.${role}`) }))}
        error={action.errorFor('role')}
      />
      <TextField
        id={`${prefix}-regions`}
        label={t('admin.users.regions')}
        description={t('admin.users.regionsHint')}
        value={draft.regionCodes}
        onChange={(v) => set('regionCodes', v)}
        spellCheck={false}
        error={action.errorFor('regionCodes')}
      />
      <CheckboxGroupField id={`${prefix}-teams`} label={t('admin.users.teams')} values={draft.teams} onChange={(v) => set('teams', v)} options={teamOptions} error={action.errorFor('teams')} />
      <TextField
        id={`${prefix}-max`}
        label={t('admin.users.maxOpenCases')}
        description={t('admin.users.maxOpenCasesHint')}
        type="number"
        inputMode="numeric"
        min={1}
        size="small"
        value={draft.maxOpenCases}
        onChange={(v) => set('maxOpenCases', v)}
        error={action.errorFor('maxOpenCases')}
      />
      {user !== null && (
        <CheckboxField id={`${prefix}-active`} label={t('admin.users.activeLabel')} checked={draft.active} onChange={(v) => set('active', v)} error={action.errorFor('active')} />
      )}
      <div className="wl-actions">
        <Button type="submit" appearance="primary-action-button" busy={action.busy}>
          {user === null ? t('admin.users.create') : t('admin.users.save')}
        </Button>
        {onCancel && (
          <Button appearance="subtle-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
      <p role="status" className="wl-status-message">
        {action.message}
      </p>
    </form>
  );
}

function UsersSection() {
  const { t } = useTranslation();
  const { regionName } = useStaff();
  const [users, setUsers] = useState<User[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let stopped = false;
    void api
      .GET('/api/v1/admin/users', { cache: 'no-store' })
      .then(({ data }) => {
        if (stopped) return;
        if (data) setUsers([...data].sort((a, b) => a.username.localeCompare(b.username)));
        else setFailed(true);
      })
      .catch(() => {
        if (!stopped) setFailed(true);
      });
    return () => {
      stopped = true;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const toggleActive = async (user: User) => {
    const { data } = await api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id: user.id } }, body: { active: !user.active } });
    if (data) setMessage(data.active ? t('admin.users.activated', { username: user.username }) : t('admin.users.deactivated', { username: user.username }));
    else setMessage(t('errors.server'));
    reload();
  };

  return (
    <section aria-labelledby="users-title" className="wl-section">
      <Heading2 id="users-title">{t('admin.users.title')}</Heading2>
      <p role="status" className="wl-status-message">
        {message}
      </p>
      {failed && (
        <Alert type="error" className="wl-alert">
          <Paragraph>{t('errors.server')}</Paragraph>
        </Alert>
      )}
      {users !== null && (
        <ScrollTable id="users-caption" label={t('admin.users.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.users.username')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.users.role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.users.regions')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.users.teams')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.users.state')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.users.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((user) => (
                <TableRow key={user.id}>
                  <TableHeaderCell scope="row">{user.username}</TableHeaderCell>
                  <TableCell>{t(`staffRole.${user.role}`)}</TableCell>
                  <TableCell>{user.regionCodes.length === 0 ? t('admin.users.allRegions') : user.regionCodes.map(regionName).join(', ')}</TableCell>
                  <TableCell>{user.teams.length === 0 ? t('common.none') : user.teams.map((team) => t(`team.${team}`)).join(', ')}</TableCell>
                  <TableCell>
                    {user.active ? t('admin.users.active') : t('admin.users.inactive')}
                    {', '}
                    {user.available ? t('overview.available') : t('overview.onLeave')}
                  </TableCell>
                  <TableCell>
                    <div className="wl-actions wl-actions--compact">
                      <Button appearance="secondary-action-button" onClick={() => setEditing(user)}>
                        {t('admin.users.edit', { username: user.username })}
                      </Button>
                      <Button appearance="subtle-button" onClick={() => void toggleActive(user)}>
                        {user.active ? t('admin.users.deactivate', { username: user.username }) : t('admin.users.activate', { username: user.username })}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
      )}
      {editing !== null && (
        <section aria-labelledby="edit-user-title" className="wl-subsection">
          <Heading3 id="edit-user-title">{t('admin.users.editTitle', { username: editing.username })}</Heading3>
          <UserForm
            key={editing.id}
            user={editing}
            onSaved={(m) => {
              setMessage(m);
              setEditing(null);
              reload();
            }}
            onCancel={() => setEditing(null)}
          />
        </section>
      )}
      <section aria-labelledby="new-user-title" className="wl-subsection">
        <Heading3 id="new-user-title">{t('admin.users.newTitle')}</Heading3>
        <UserForm
          user={null}
          onSaved={(m) => {
            setMessage(m);
            reload();
          }}
        />
      </section>
    </section>
  );
}

interface SettingsDraft {
  baseRoute: string;
  autoAssignTeams: string[];
  handoffResponseHours: string;
  rulesetVersion: string;
  healthConsent: string;
  sla: string;
}

function settingsDraft(s: RegionSettings): SettingsDraft {
  return {
    baseRoute: s.baseRoute ?? '',
    autoAssignTeams: s.autoAssignTeams,
    handoffResponseHours: String(s.handoffResponseHours),
    rulesetVersion: s.rulesetVersion ?? '',
    healthConsent: s.healthConsent ?? '',
    sla: JSON.stringify(s.sla, null, 2),
  };
}

function RegionSettingsSection() {
  const { t } = useTranslation();
  const { regions } = useStaff();
  const [regionCode, setRegionCode] = useState('');
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [slaInvalid, setSlaInvalid] = useState(false);
  const action = useAction();
  const code = regionCode || regions[0]?.code || '';

  useEffect(() => {
    if (code === '') return;
    let stopped = false;
    setDraft(null);
    setLoadFailed(false);
    void api
      .GET('/api/v1/admin/regions/{regionCode}/settings', { params: { path: { regionCode: code } }, cache: 'no-store' })
      .then(({ data }) => {
        if (stopped) return;
        if (data) setDraft(settingsDraft(data));
        else setLoadFailed(true);
      })
      .catch(() => {
        if (!stopped) setLoadFailed(true);
      });
    return () => {
      stopped = true;
    };
  }, [code]);

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => setDraft((d) => (d === null ? d : { ...d, [key]: value }));

  const submit = () => {
    if (draft === null) return;
    let sla: Record<string, never>;
    try {
      const parsed: unknown = JSON.parse(draft.sla || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      sla = parsed as Record<string, never>;
      setSlaInvalid(false);
    } catch {
      setSlaInvalid(true);
      window.requestAnimationFrame(() => document.getElementById('settings-sla')?.focus());
      return;
    }
    const hours = Number(draft.handoffResponseHours);
    const body: RegionSettings = {
      baseRoute: (draft.baseRoute === '' ? null : draft.baseRoute) as RegionSettings['baseRoute'],
      autoAssignTeams: draft.autoAssignTeams as Team[],
      handoffResponseHours: Number.isFinite(hours) ? hours : (draft.handoffResponseHours as unknown as number),
      rulesetVersion: (draft.rulesetVersion === '' ? null : draft.rulesetVersion) as RegionSettings['rulesetVersion'],
      healthConsent: (draft.healthConsent === '' ? null : draft.healthConsent) as RegionSettings['healthConsent'],
      sla,
    };
    void action.run(
      () => api.PUT('/api/v1/admin/regions/{regionCode}/settings', { params: { path: { regionCode: code } }, body }),
      (saved) => {
        if (saved) setDraft(settingsDraft(saved));
        return t('admin.settings.saved');
      },
    );
  };

  return (
    <section aria-labelledby="settings-title" className="wl-section">
      <Heading2 id="settings-title">{t('admin.settings.title')}</Heading2>
      <SelectField
        id="settings-region"
        label={t('admin.settings.region')}
        placeholder={false}
        value={code}
        onChange={setRegionCode}
        options={regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
      />
      {loadFailed && (
        <Alert type="error" className="wl-alert">
          <Paragraph>{t('errors.server')}</Paragraph>
        </Alert>
      )}
      {draft !== null && (
        <form
          ref={action.formRef}
          noValidate
          className="wl-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div tabIndex={-1} className="wl-focus-target">
            <ProblemAlert problem={action.problem} shownFields={SETTINGS_FIELDS} />
          </div>
          <SelectField
            id="settings-baseRoute"
            label={t('admin.settings.baseRoute')}
            description={t('admin.settings.baseRouteHint')}
            placeholder={t('admin.settings.default', { value: t('team.mobiliteitsteam') })}
            value={draft.baseRoute}
            onChange={(v) => set('baseRoute', v)}
            options={(['werkbedrijf', 'mobiliteitsteam', 'wsp'] as Team[]).map((team) => ({ value: team, label: t(`team.${team}`) }))}
            error={action.errorFor('baseRoute')}
          />
          <CheckboxGroupField
            id="settings-autoAssignTeams"
            label={t('admin.settings.autoAssignTeams')}
            description={t('admin.settings.autoAssignTeamsHint')}
            values={draft.autoAssignTeams}
            onChange={(v) => set('autoAssignTeams', v)}
            options={TEAMS.map((team) => ({ value: team, label: t(`team.${team}`) }))}
            error={action.errorFor('autoAssignTeams')}
          />
          <TextField
            id="settings-handoffResponseHours"
            label={t('admin.settings.handoffResponseHours')}
            description={t('admin.settings.handoffResponseHoursHint')}
            type="number"
            inputMode="numeric"
            min={1}
            size="small"
            value={draft.handoffResponseHours}
            onChange={(v) => set('handoffResponseHours', v)}
            error={action.errorFor('handoffResponseHours')}
          />
          <SelectField
            id="settings-rulesetVersion"
            label={t('admin.settings.rulesetVersion')}
            description={t('admin.settings.rulesetVersionHint')}
            placeholder={t('admin.settings.default', { value: DEFAULT_RULESET_VERSION })}
            value={draft.rulesetVersion}
            onChange={(v) => set('rulesetVersion', v)}
            options={RULESET_VERSIONS.map((v) => ({ value: v, label: v }))}
            error={action.errorFor('rulesetVersion')}
          />
          <SelectField
            id="settings-healthConsent"
            label={t('admin.settings.healthConsent')}
            placeholder={t('admin.settings.default', { value: t('admin.settings.healthConsentOptions.own_words') })}
            value={draft.healthConsent}
            onChange={(v) => set('healthConsent', v)}
            options={[
              { value: 'own_words', label: t('admin.settings.healthConsentOptions.own_words') },
              { value: 'strict', label: t('admin.settings.healthConsentOptions.strict') },
            ]}
            error={action.errorFor('healthConsent')}
          />
          <TextareaField
            id="settings-sla"
            label={t('admin.settings.sla')}
            description={t('admin.settings.slaHint')}
            rows={8}
            value={draft.sla}
            onChange={(v) => set('sla', v)}
            error={slaInvalid ? t('admin.settings.slaInvalid') : action.errorFor('sla')}
          />
          <Button type="submit" appearance="primary-action-button" busy={action.busy}>
            {t('admin.settings.submit')}
          </Button>
          <p role="status" className="wl-status-message">
            {action.message}
          </p>
        </form>
      )}
    </section>
  );
}

/** Admins: staff accounts and region settings. */
export function AdminPage() {
  const { t } = useTranslation();
  const { isAdmin } = useStaff();
  useDocumentTitle(t('admin.title'));
  return (
    <>
      <Heading1>{t('admin.title')}</Heading1>
      {!isAdmin ? (
        <Alert type="error" className="wl-alert">
          <Paragraph>{t('admin.forbidden')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('admin.lead')}</Paragraph>
          <UsersSection />
          <RegionSettingsSection />
        </>
      )}
    </>
  );
}
