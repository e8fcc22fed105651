export { WorkingDayCalendar, type WorkingDayCalendarOptions } from './working-day-calendar.js';
export type { LiberationDayPolicy, PublicHoliday } from './dutch-holidays.js';
export { addDays, startOfDay, type LocalDate } from './amsterdam-time.js';
