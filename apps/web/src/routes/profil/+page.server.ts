// Editing my own profile: one form (works without JavaScript) checked here first, then by the API
// (PATCH /users/me), whose field errors come back next to the right input with the typed values
// kept. Success redirects (303), so the next page is already in the language just chosen.
import { fail, redirect } from '@sveltejs/kit';
import type { Me, NotificationType, UpdateMeBody } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { hasErrors, textField, translateFieldErrors, type FieldErrors } from '$lib/forms';
import { isLocale, type MessageKey, type Translator } from '$lib/i18n';
import { paths, signInThenBackTo } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'answer',
  'mention',
  'accepted',
  'reply',
  'thanks',
  'moderation',
];

/** The form as typed: text fields as strings, checkboxes as booleans. */
interface ProfileValues {
  displayName: string;
  jobTitle: string;
  department: string;
  site: string;
  bio: string;
  skills: string;
  interests: string;
  openToQuestions: boolean;
  weeklyHelpMinutes: string;
  hierarchyLevel: string;
  hierarchyVisible: boolean;
  locale: string;
  notify: string[];
}

function valuesOf(me: Me): ProfileValues {
  return {
    displayName: me.displayName,
    jobTitle: me.jobTitle,
    department: me.department,
    site: me.site,
    bio: me.bio,
    skills: me.skills.join(', '),
    interests: me.interests.join(', '),
    openToQuestions: me.openToQuestions,
    weeklyHelpMinutes: String(me.weeklyHelpMinutes),
    hierarchyLevel: me.hierarchyLevel === null ? '' : String(me.hierarchyLevel),
    hierarchyVisible: me.hierarchyVisible,
    locale: me.locale,
    notify: NOTIFICATION_TYPES.filter((type) => me.notificationPreferences[type]),
  };
}

function valuesFrom(form: FormData): ProfileValues {
  return {
    displayName: textField(form, 'displayName'),
    jobTitle: textField(form, 'jobTitle'),
    department: textField(form, 'department'),
    site: textField(form, 'site'),
    bio: textField(form, 'bio'),
    skills: textField(form, 'skills'),
    interests: textField(form, 'interests'),
    openToQuestions: form.has('openToQuestions'),
    weeklyHelpMinutes: textField(form, 'weeklyHelpMinutes'),
    hierarchyLevel: textField(form, 'hierarchyLevel'),
    hierarchyVisible: form.has('hierarchyVisible'),
    locale: textField(form, 'locale'),
    notify: form.getAll('notify').filter((value): value is string => typeof value === 'string'),
  };
}

/** "audit, Excel ,," -> ["audit", "Excel"]; the API normalises each one to a tag. */
function listOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function integerIn(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return /^\d+$/.test(text) && value >= min && value <= max ? value : null;
}

function checkValues(values: ProfileValues, i18n: Translator): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.displayName || values.displayName.length > 80) {
    errors.displayName = i18n.t('profile.displayNameRequired');
  }
  for (const name of ['skills', 'interests'] as const) {
    const items = listOf(values[name]);
    if (items.length > 30 || items.some((item) => item.length > 60)) {
      errors[name] = i18n.t('profile.tagsInvalid');
    }
  }
  if (integerIn(values.weeklyHelpMinutes, 0, 2400) === null) {
    errors.weeklyHelpMinutes = i18n.t('profile.weeklyMinutesInvalid');
  }
  if (values.hierarchyLevel && integerIn(values.hierarchyLevel, 1, 10) === null) {
    errors.hierarchyLevel = i18n.t('profile.hierarchyInvalid');
  }
  if (!isLocale(values.locale)) errors.locale = i18n.t('form.invalid');
  return errors;
}

function bodyOf(values: ProfileValues): UpdateMeBody {
  return {
    displayName: values.displayName,
    jobTitle: values.jobTitle,
    department: values.department,
    site: values.site,
    bio: values.bio,
    skills: listOf(values.skills),
    interests: listOf(values.interests),
    openToQuestions: values.openToQuestions,
    weeklyHelpMinutes: Number(values.weeklyHelpMinutes),
    hierarchyLevel: values.hierarchyLevel ? Number(values.hierarchyLevel) : null,
    hierarchyVisible: values.hierarchyVisible,
    locale: isLocale(values.locale) ? values.locale : undefined,
    notificationPreferences: Object.fromEntries(
      NOTIFICATION_TYPES.map((type) => [type, values.notify.includes(type)]),
    ),
  };
}

const API_FIELD_MESSAGES: Record<string, MessageKey> = {
  displayName: 'profile.displayNameRequired',
  skills: 'profile.tagsInvalid',
  interests: 'profile.tagsInvalid',
  weeklyHelpMinutes: 'profile.weeklyMinutesInvalid',
  hierarchyLevel: 'profile.hierarchyInvalid',
};

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const me = dataOrError(await locals.api.get<Me>('/users/me'));
  const saved = url.searchParams.has('enregistre');
  return { me, values: valuesOf(me), notificationTypes: NOTIFICATION_TYPES, saved };
};

export const actions: Actions = {
  default: async ({ locals, request, url }) => {
    if (!locals.user) redirect(303, signInThenBackTo(url));
    const values = valuesFrom(await request.formData());
    const i18n = locals.i18n;
    const errors = checkValues(values, i18n);
    if (hasErrors(errors)) return fail(400, { values, errors, message: i18n.t('form.fixErrors') });
    const result = await locals.api.patch<Me>('/users/me', bodyOf(values));
    if (!result.ok) {
      const fieldErrors = translateFieldErrors(result.error, i18n, API_FIELD_MESSAGES);
      const message = hasErrors(fieldErrors)
        ? i18n.t('form.fixErrors')
        : i18n.error(result.error.code, result.error.message);
      return fail(result.status, { values, errors: fieldErrors, message });
    }
    redirect(303, `${paths.profile}?enregistre=1`);
  },
};
