export { WorkingDayCalendar, type WorkingDayCalendarOptions } from './working-day-calendar.js';
export type { LiberationDayPolicy, PublicHoliday } from './dutch-holidays.js';
