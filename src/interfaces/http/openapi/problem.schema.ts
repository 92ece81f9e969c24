import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldViolation, Problem } from '../problems/problem.js';

export class FieldViolationSchema implements FieldViolation {
  @ApiProperty({ description: 'The request field, dotted for nested ones', example: 'location.lat' })
  readonly field!: string;
  @ApiProperty({ description: 'The constraint it broke', example: 'max' })
  readonly constraint!: string;
  @ApiProperty({ example: 'lat must not be greater than 90' })
  readonly message!: string;
}

/** RFC 9457 problem details, the body of every error answer. */
export class ProblemSchema implements Problem {
  @ApiProperty({
    description: 'What kind of problem: `about:blank` when the status says it all, else a `urn:wattlog:problem:…`',
    example: 'about:blank',
  })
  readonly type!: string;
  @ApiProperty({ description: 'Short summary of the status', example: 'Not Found' })
  readonly title!: string;
  @ApiProperty({ minimum: 400, maximum: 599, example: 404 })
  readonly status!: number;
  @ApiProperty({
    description: 'What went wrong, for the caller; never internals',
    example: 'gateway gw-7 does not exist',
  })
  readonly detail!: string;
  @ApiProperty({ description: 'The request path', example: '/api/gateways/gw-7' })
  readonly instance!: string;
  @ApiPropertyOptional({
    type: [FieldViolationSchema],
    description: 'Validation failures only: one entry per failed constraint, the first 20',
  })
  readonly errors?: FieldViolationSchema[];
  @ApiPropertyOptional({
    description: 'Present when `errors` lists only the first 20 violations: how many there were in all',
    example: 57,
  })
  readonly errorCount?: number;
}
