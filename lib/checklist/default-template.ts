import type { Template } from './template';

// The standard checklist of DESIGN.md §2 (I-PASS / SBAR for service handoffs). Field and choice ids
// are stable API: metrics and exported data refer to them.
export const SERVICE_HANDOFF: Template = {
  id: 'service-handoff',
  version: 1,
  name: { en: 'Service handoff', ko: '서비스 인수인계' },
  fields: [
    {
      id: 'reason',
      kind: 'choice',
      label: { en: 'Reason for handoff', ko: '이관 사유' },
      required: true,
      choices: [
        { id: 'escalation', label: { en: 'Escalation', ko: '상위 지원 요청' } },
        { id: 'expertise', label: { en: 'Needs other expertise', ko: '다른 전문성 필요' } },
        { id: 'shift_change', label: { en: 'Shift change or absence', ko: '근무 교대·부재' } },
        { id: 'wrong_team', label: { en: 'Wrong team', ko: '담당 팀 아님' } },
        { id: 'workload', label: { en: 'Workload balancing', ko: '업무량 조정' } },
        { id: 'customer_request', label: { en: 'Customer request', ko: '고객 요청' } },
        { id: 'other', label: { en: 'Other', ko: '기타' } },
      ],
    },
    {
      id: 'situation',
      kind: 'text',
      label: { en: 'Situation', ko: '현재 상황' },
      required: true,
      minLength: 15,
    },
    {
      id: 'impact',
      kind: 'text',
      label: { en: 'Customer and impact', ko: '고객 및 영향도' },
      required: true,
      minLength: 5,
    },
    {
      id: 'done',
      kind: 'text',
      label: { en: 'What has been done', ko: '지금까지 한 조치' },
      required: true,
      minLength: 10,
    },
    {
      id: 'next',
      kind: 'text',
      label: { en: 'Next action for the receiver', ko: '인수자가 할 다음 조치' },
      required: true,
      minLength: 10,
    },
    {
      id: 'told',
      kind: 'text',
      label: { en: 'What the customer was told', ko: '고객에게 안내한 내용' },
      required: true,
      minLength: 5,
    },
    {
      id: 'risks',
      kind: 'text',
      label: { en: 'Open questions and risks', ko: '미해결 질문과 위험' },
      required: false,
    },
    { id: 'links', kind: 'list', label: { en: 'Links', ko: '관련 링크' }, required: false, itemKind: 'url' },
  ],
};
