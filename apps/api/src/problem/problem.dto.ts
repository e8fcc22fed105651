import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'postcode' }) field!: string;
  @ApiProperty({ example: 'postcode must be a Dutch postcode: 1234, 1234AB or 1234 AB (1000–9999)' }) message!: string;
}

/** RFC 9457 problem details (application/problem+json): the one error format of the API. */
export class ProblemDto {
  @ApiProperty({ example: 'about:blank' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/intakes' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) errors?: FieldProblemDto[];
  @ApiPropertyOptional({ example: '5f0c2a1e-8a4b-4f1d-9c3e-2b7d6e5a4c3b', description: 'The id of this request, as in the X-Request-Id response header: quote it when asking for help.' })
  requestId?: string;
}
