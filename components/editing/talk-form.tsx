"use client";

import Link from "next/link";
import { useActionState, useMemo, useState } from "react";
import { conflictOf, type EditState } from "@/lib/actions/edit-state";
import type { FormValues } from "@/lib/actions/safe-action";
import * as talkActions from "@/lib/actions/talks";
import { keepOnFailure } from "./keep-on-failure";
import type { CatalogOptions } from "@/lib/entities/types";
import { TALK_LABELS } from "@/lib/entities/talk";
import { PARTY_ROLE_LABEL, TALK_STATUS_LABEL } from "@/lib/labels";
import { PartyRoleSchema, SUMMARY_MAX, TalkStatusSchema, TITLE_MAX } from "@/lib/talk-document/schema";
import { TALK_SPAN_MAX_YEARS } from "@/lib/time/talk-span";
import { venueZoneChoices } from "@/lib/time/zones";
import { Checkboxes, ChoiceGroup, Field, FormHead, formStatusId, useFormView, useReady } from "./form-kit";

const P = "talk";

const SAVE = { create: keepOnFailure(talkActions.create), edit: keepOnFailure(talkActions.update) };

const LABELS: Record<string, string> = { slug: "Address", ...TALK_LABELS };

/** Creates or corrects a talk: what, where (venue and its time zone), when, who, and the agenda. */
export function TalkForm({ mode, options, initial, cancelHref }: { mode: "create" | "edit"; options: CatalogOptions; initial: FormValues; cancelHref: string }) {
  const [state, action, pending] = useActionState<EditState | null, FormData>(SAVE[mode], null);
  const view = useFormView(P, state, initial);
  const ready = useReady();
  const conflict = conflictOf(state);
  const zones = useMemo(() => venueZoneChoices(), []);
  const roles = new Map(view.list("envoys").map((v) => [v.split(":")[0]!, v]));
  const partyRoles = new Map(view.list("roles").map((v) => [v.split(":")[0]!, v]));
  const [parties, setParties] = useState<string[]>(view.list("parties"));
  const [lastKey, setLastKey] = useState(view.key);
  if (lastKey !== view.key) {
    setLastKey(view.key);
    setParties(view.list("parties"));
  }
  // The talk's own order first (it is the parties' order on the page and the agenda's), then the rest.
  const ordered = <T extends { value: string }>(items: T[], chosen: string[]) =>
    [...items].sort((a, b) => rank(chosen, a.value) - rank(chosen, b.value));
  // A series deleted since the talk was put in it stays offered, so the form shows what is saved.
  const chosenSeries = view.value("series");
  const seriesChoices = chosenSeries && !options.series.some((s) => s.value === chosenSeries) ? [...options.series, { value: chosenSeries, label: `${chosenSeries} (deleted)` }] : options.series;
  const envoys = options.envoys.filter((e) => parties.includes(e.party) || roles.has(e.value));
  return (
    <form key={view.key} action={action} className="edit-form" noValidate {...ready} aria-describedby={formStatusId(P)}>
      <FormHead view={view} state={state} prefix={P} labels={LABELS} hidden={(mode === "edit" ? ["id", "version"] : [])} />
      <fieldset className="edit-form__group">
        <legend>The talk</legend>
        <Field view={view} prefix={P} name="title" label="Title">
          <input type="text" {...view.control("title")} defaultValue={view.value("title")} maxLength={TITLE_MAX} required />
        </Field>
        {mode === "create" ? (
          <Field view={view} prefix={P} name="slug" label="Address" hint="Part of the talk’s web address: lower-case letters, digits and hyphens, e.g. japan-dprk-beijing-2006. It cannot be changed later.">
            <input type="text" {...view.control("slug", { hint: true })} defaultValue={view.value("slug")} maxLength={80} />
          </Field>
        ) : (
          <div className="field">
            <span className="field__label">Address</span>
            <span className="field__static">/talks/{view.value("slug")}</span>
          </div>
        )}
        <div className="edit-form__row">
          <Field view={view} prefix={P} name="venueCity" label="Venue city">
            <input type="text" {...view.control("venueCity")} defaultValue={view.value("venueCity")} maxLength={TITLE_MAX} />
          </Field>
          <Field view={view} prefix={P} name="venueTimeZone" label="Venue time zone" hint="An IANA zone such as Asia/Shanghai: days and times are the venue’s.">
            <input type="text" list={`${P}-zones`} {...view.control("venueTimeZone", { hint: true })} defaultValue={view.value("venueTimeZone")} autoComplete="off" />
          </Field>
          <datalist id={`${P}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <Field view={view} prefix={P} name="firstDay" label="First day">
            <input type="date" {...view.control("firstDay")} defaultValue={view.value("firstDay")} />
          </Field>
          <Field view={view} prefix={P} name="lastDay" label="Last day (optional)" hint={`Leave empty while the end is not known. At most ${TALK_SPAN_MAX_YEARS} years after the first day.`}>
            <input type="date" {...view.control("lastDay", { hint: true })} defaultValue={view.value("lastDay")} />
          </Field>
          <Field view={view} prefix={P} name="status" label="Status">
            <select {...view.control("status")} defaultValue={view.value("status") || "scheduled"}>
              {TalkStatusSchema.options.map((s) => (
                <option key={s} value={s}>
                  {TALK_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field view={view} prefix={P} name="summary" label="Summary (optional)">
          <textarea {...view.control("summary")} defaultValue={view.value("summary")} rows={5} maxLength={SUMMARY_MAX} />
        </Field>
      </fieldset>
      <fieldset className="edit-form__group">
        <legend>Who takes part</legend>
        <ChoiceGroup view={view} prefix={P} name="parties" legend="Parties and their role in this talk" hint="Principals negotiate; a host receives the talk, a mediator brokers it, an observer watches. A party missing here can be added on the parties page first.">
          {ordered(options.parties, initial.parties as string[]).map((p) => (
            <span key={p.value} className="party-choice">
              <label className="check">
                <input
                  type="checkbox"
                  name="parties"
                  value={p.value}
                  defaultChecked={parties.includes(p.value)}
                  onChange={(e) => setParties((now) => (e.target.checked ? [...now, p.value] : now.filter((x) => x !== p.value)))}
                />
                {p.label}
              </label>
              {/* Shown only for a chosen party; the default (principal) is not recorded. */}
              {parties.includes(p.value) ? (
                <select name="roles" defaultValue={partyRoles.get(p.value) ?? `${p.value}:principal`} aria-label={`Role of ${p.label}`}>
                  {PartyRoleSchema.options.map((r) => (
                    <option key={r} value={`${p.value}:${r}`}>
                      {PARTY_ROLE_LABEL[r].one.charAt(0).toUpperCase() + PARTY_ROLE_LABEL[r].one.slice(1)}
                    </option>
                  ))}
                </select>
              ) : null}
            </span>
          ))}
        </ChoiceGroup>
        <ChoiceGroup view={view} prefix={P} name="envoys" legend="Envoys and their role in this talk">
          {envoys.length === 0 ? <span className="muted small">Choose a party to list its envoys.</span> : null}
          {envoys.map((e) => (
            <label key={e.value} className="role-choice">
              <span>{e.label}</span>
              <select name="envoys" defaultValue={roles.get(e.value) ?? ""} aria-label={`Role of ${e.label}`}>
                <option value="">Not taking part</option>
                <option value={`${e.value}:head`}>Head of delegation</option>
                <option value={`${e.value}:member`}>Delegation member</option>
              </select>
            </label>
          ))}
        </ChoiceGroup>
      </fieldset>
      <fieldset className="edit-form__group">
        <legend>Series</legend>
        <div className="edit-form__row">
          <Field view={view} prefix={P} name="series" label="Series (optional)" hint="The run of talks this one is a round of. A series missing here can be added on the series page first.">
            <select {...view.control("series", { hint: true })} defaultValue={view.value("series")}>
              <option value="">Not part of a series</option>
              {seriesChoices.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
          <Field view={view} prefix={P} name="round" label="Round (optional)" hint="Its number in the series (1, 2, 3…), when the sources number it.">
            <input type="text" inputMode="numeric" {...view.control("round", { hint: true })} defaultValue={view.value("round")} maxLength={6} />
          </Field>
        </div>
      </fieldset>
      <fieldset className="edit-form__group">
        <legend>Agenda</legend>
        <ChoiceGroup view={view} prefix={P} name="issues" legend="Issues on the agenda">
          <Checkboxes view={view} name="issues" options={ordered(options.issues, initial.issues as string[])} />
        </ChoiceGroup>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Create talk" : conflict ? "Save my version again" : "Save changes"}
        </button>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}

const rank = (chosen: string[], value: string) => {
  const i = chosen.indexOf(value);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
};
