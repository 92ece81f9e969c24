import { Module } from '@nestjs/common';
import { ReplaysController } from './replays.controller.js';

/** Operations an admin runs on the installation itself (replays); health and metrics stay public in their modules. */
@Module({ controllers: [ReplaysController] })
export class SystemModule {}
