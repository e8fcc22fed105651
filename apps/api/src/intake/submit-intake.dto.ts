import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals, IsBoolean, IsDefined, IsEmail, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, registerDecorator,
  ValidateIf, ValidateNested, type ValidationArguments, type ValidationOptions,
} from 'class-validator';
import {
  AGE_BANDS, BENEFITS, COUNTRIES, DISMISSAL_REASONS, EMPLOYER_REQUEST_TYPES, EMPLOYER_SIZE_BANDS, INDICATIONS, LANGUAGES,
  QUESTION_TYPES, REDUNDANT_STAFF, ROLES, SECTORS, SITUATIONS, YES_NO_UNKNOWN, YES_NO_UNKNOWN_PNS,
  type AgeBand, type Benefit, type Country, type DismissalReason, type EmployerRequestType, type EmployerSizeBand,
  type Indication, type Language, type QuestionType, type RedundantStaff, type Role, type Sector, type Situation,
} from '#libs/classification';
import type { IntakeSubmission } from '#libs/intake';

const inList = (values: readonly string[]) => ({ message: `$property must be one of: ${values.join(', ')}` });

/** Runs a check that needs the whole request; `field` names the offending field in the problem+json answer. */
function CrossField(field: string, check: (dto: SubmitIntakeDto) => boolean, message: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: `crossField:${field}`,
      target: target.constructor,
      propertyName,
      options: { ...options, message, context: { field } },
      validator: { validate: (_value: unknown, args: ValidationArguments) => check(args.object as SubmitIntakeDto) },
    });
}

export class PersonDto {
  @IsOptional() @IsIn(AGE_BANDS, inList(AGE_BANDS)) @ApiPropertyOptional({ enum: AGE_BANDS }) ageBand?: AgeBand;
  @IsOptional() @IsIn(SITUATIONS, inList(SITUATIONS)) @ApiPropertyOptional({ enum: SITUATIONS }) situation?: Situation;
  @IsOptional() @IsIn(BENEFITS, inList(BENEFITS)) @ApiPropertyOptional({ enum: BENEFITS }) benefit?: Benefit;
  @IsOptional() @IsIn(YES_NO_UNKNOWN_PNS, inList(YES_NO_UNKNOWN_PNS)) @ApiPropertyOptional({ enum: YES_NO_UNKNOWN_PNS })
  targetGroupRegister?: (typeof YES_NO_UNKNOWN_PNS)[number];
  @IsOptional() @IsIn(YES_NO_UNKNOWN_PNS, inList(YES_NO_UNKNOWN_PNS)) @ApiPropertyOptional({ enum: YES_NO_UNKNOWN_PNS })
  occupationalDisability?: (typeof YES_NO_UNKNOWN_PNS)[number];
  @IsOptional() @IsIn(INDICATIONS, inList(INDICATIONS)) @ApiPropertyOptional({ enum: INDICATIONS }) indication?: Indication;
  @IsOptional() @IsIn(YES_NO_UNKNOWN, inList(YES_NO_UNKNOWN)) @ApiPropertyOptional({ enum: YES_NO_UNKNOWN })
  praktijkOrVsoSchool?: (typeof YES_NO_UNKNOWN)[number];
  @IsOptional() @IsIn(YES_NO_UNKNOWN, inList(YES_NO_UNKNOWN)) @ApiPropertyOptional({ enum: YES_NO_UNKNOWN })
  dismissalRisk?: (typeof YES_NO_UNKNOWN)[number];
  @IsOptional() @IsIn(DISMISSAL_REASONS, inList(DISMISSAL_REASONS)) @ApiPropertyOptional({ enum: DISMISSAL_REASONS })
  dismissalReason?: DismissalReason;
  @IsOptional() @IsString() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'dismissalMonth must be a month as YYYY-MM' })
  @ApiPropertyOptional({ example: '2026-03' })
  dismissalMonth?: string;
  @IsOptional() @IsIn(SECTORS, inList(SECTORS)) @ApiPropertyOptional({ enum: SECTORS }) sector?: Sector;
  @IsOptional() @IsIn(QUESTION_TYPES, inList(QUESTION_TYPES)) @ApiPropertyOptional({ enum: QUESTION_TYPES }) questionType?: QuestionType;
}

export class EmployerDto {
  @IsOptional() @IsString() @Matches(/^\d{8}$/, { message: 'kvkNumber must be 8 digits' }) @ApiPropertyOptional({ example: '90001234' })
  kvkNumber?: string;
  @IsOptional() @IsIn(EMPLOYER_SIZE_BANDS, inList(EMPLOYER_SIZE_BANDS)) @ApiPropertyOptional({ enum: EMPLOYER_SIZE_BANDS })
  sizeBand?: EmployerSizeBand;
  @IsOptional() @IsIn(SECTORS, inList(SECTORS)) @ApiPropertyOptional({ enum: SECTORS }) sector?: Sector;
  @IsDefined({ message: 'requestType is required for employers' }) @IsIn(EMPLOYER_REQUEST_TYPES, inList(EMPLOYER_REQUEST_TYPES))
  @ApiProperty({ enum: EMPLOYER_REQUEST_TYPES })
  requestType!: EmployerRequestType;
  @IsOptional() @IsIn(REDUNDANT_STAFF, inList(REDUNDANT_STAFF)) @ApiPropertyOptional({ enum: REDUNDANT_STAFF })
  redundantStaff?: RedundantStaff;
}

export class ConsentDto {
  @IsDefined() @Equals(true, { message: 'processing must be true: we cannot handle a question without consent' })
  @ApiProperty({ example: true })
  processing!: boolean;
  @IsOptional() @IsBoolean() @ApiPropertyOptional()
  specialCategoryData?: boolean;
}

export class ContactDto {
  @IsOptional() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254) @ApiPropertyOptional()
  email?: string;
  @IsOptional() @IsString() @Matches(/^\+?[0-9 ()-]{8,20}$/, { message: 'phone must be a phone number' }) @ApiPropertyOptional()
  phone?: string;
}

const HEALTH_FACT_BENEFITS: readonly string[] = ['wajong', 'wia_wga', 'wia_iva', 'ziektewet'];

/** Health-related facts are special-category data (AVG art. 9): they need explicit consent. */
export function hasHealthFact(dto: SubmitIntakeDto): boolean {
  const p = dto.person;
  if (!p) return false;
  return (
    (p.benefit !== undefined && HEALTH_FACT_BENEFITS.includes(p.benefit)) ||
    p.targetGroupRegister === 'yes' ||
    p.occupationalDisability === 'yes' ||
    p.indication === 'wsw' ||
    p.indication === 'beschut_werk' ||
    p.praktijkOrVsoSchool === 'yes' ||
    p.dismissalReason === 'illness'
  );
}

/** The public intake contract (intake-contract.md). Field names and values must stay exactly as they are. */
export class SubmitIntakeDto {
  @IsDefined() @IsIn(ROLES, inList(ROLES)) @ApiProperty({ enum: ROLES })
  role!: Role;

  @IsOptional() @IsIn(COUNTRIES, inList(COUNTRIES)) @ApiPropertyOptional({ enum: COUNTRIES, default: 'NL' })
  country?: Country;

  @ValidateIf((dto: SubmitIntakeDto) => dto.country !== 'abroad' || dto.postcode !== undefined)
  @IsDefined({ message: 'postcode is required when country is NL' })
  @IsString()
  @Matches(/^\s*[1-9]\d{3}(\s?[A-Za-z]{2})?\s*$/, { message: 'postcode must be a Dutch postcode: 1234, 1234AB or 1234 AB (1000–9999)' })
  @ApiPropertyOptional({ example: '5038 AB' })
  postcode?: string;

  @IsOptional() @IsString() @MaxLength(2000) @ApiPropertyOptional({ maxLength: 2000 })
  question?: string;

  @IsOptional() @IsIn(LANGUAGES, inList(LANGUAGES)) @ApiPropertyOptional({ enum: LANGUAGES })
  language?: Language;

  @ValidateIf((dto: SubmitIntakeDto) => dto.person !== undefined)
  @CrossField('person', (dto) => dto.role !== 'employer', 'person is not used for role employer: use employer')
  @IsObject() @ValidateNested() @Type(() => PersonDto)
  @ApiPropertyOptional({ type: PersonDto })
  person?: PersonDto;

  @ValidateIf((dto: SubmitIntakeDto) => dto.employer !== undefined || dto.role === 'employer')
  @CrossField('employer', (dto) => dto.role === 'employer', 'employer is only used for role employer')
  @IsDefined({ message: 'employer (with requestType) is required for role employer' })
  @IsObject() @ValidateNested() @Type(() => EmployerDto)
  @ApiPropertyOptional({ type: EmployerDto })
  employer?: EmployerDto;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => ConsentDto)
  @CrossField(
    'consent.specialCategoryData',
    (dto) => !hasHealthFact(dto) || dto.consent?.specialCategoryData === true,
    'specialCategoryData must be true when a health-related fact is given (AVG art. 9)',
  )
  @ApiProperty({ type: ConsentDto })
  consent!: ConsentDto;

  @IsOptional() @IsObject() @ValidateNested() @Type(() => ContactDto)
  @ApiPropertyOptional({ type: ContactDto, description: 'Only when the person wants to be contacted.' })
  contact?: ContactDto;
}

/** Plain data for the intake lib, with the contract's defaults applied. */
export function toSubmission(dto: SubmitIntakeDto): IntakeSubmission {
  return {
    role: dto.role,
    country: dto.country ?? 'NL',
    question: dto.question ?? '',
    consent: { processing: dto.consent.processing, ...(dto.consent.specialCategoryData === undefined ? {} : { specialCategoryData: dto.consent.specialCategoryData }) },
    ...(dto.postcode === undefined ? {} : { postcode: dto.postcode }),
    ...(dto.language === undefined ? {} : { language: dto.language }),
    ...(dto.person === undefined ? {} : { person: { ...dto.person } }),
    ...(dto.employer === undefined ? {} : { employer: { ...dto.employer } }),
    // `contact: null` passes @IsOptional() and means the same as no contact.
    ...(dto.contact?.email === undefined && dto.contact?.phone === undefined ? {} : { contact: { ...dto.contact } }),
  };
}
