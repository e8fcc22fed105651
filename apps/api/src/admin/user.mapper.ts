import { ApiProperty } from '@nestjs/swagger';
import { TEAMS, type Team } from '#libs/classification';
import { STAFF_ROLES, type CaseWorker, type StaffRole } from '#libs/staff';

/** A user as admins see them: never the password hash. */
export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ type: [String] }) regionCodes!: string[];
  @ApiProperty({ enum: TEAMS, isArray: true }) teams!: Team[];
  @ApiProperty() active!: boolean;
  @ApiProperty() available!: boolean;
  @ApiProperty({ type: Number, nullable: true }) maxOpenCases!: number | null;
}

export function toUserDto(user: CaseWorker): UserDto {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    regionCodes: user.regionCodes,
    teams: user.teams,
    active: user.active,
    available: user.available,
    maxOpenCases: user.maxOpenCases,
  };
}
